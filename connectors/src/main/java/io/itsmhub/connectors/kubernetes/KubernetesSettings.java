package io.itsmhub.connectors.kubernetes;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hub creates KubeVirt VMs and how. Other components bind further keys under the same prefix; this
 * record ignores them.
 *
 * @param apiServer       the Kubernetes API server, or null for what fabric8's {@code Config.autoConfigure} finds:
 *                        the in-cluster service account when the hub runs in a pod, else {@code ~/.kube/config}
 * @param namespace       where the VMs live; default {@code itsm-vms}. Always this one, whatever the kubeconfig says
 * @param token           a bearer token (a service account's), optional: without one the credentials come from the
 *                        in-cluster account or the kubeconfig
 * @param trustCerts      skip verifying the API server's certificate (test clusters only); when false the kubeconfig's
 *                        own choice stands
 * @param readyTimeout    how long {@code awaitReady} waits when its caller gives no timeout; default 10m
 * @param requestTimeout  connect and read timeout of every API request; default 10s
 * @param diskSource      {@code containerdisk} (default): the root disk is the image itself, ephemeral and as large
 *                        as the image, so a VM's disk size is not applied; {@code datavolume}: CDI imports the image
 *                        into a persistent volume of the VM's disk size (needs CDI in the cluster)
 * @param storageClass    the storage class of those volumes, optional (the cluster's default class otherwise)
 * @param cloudInitSecret the name of a Secret in the namespace whose {@code userdata} key is the cloud-init every VM
 *                        boots with (SSH keys for Ansible, say), optional: without it the VMs only get their hostname
 * @param images          OS choice → container-disk image; the defaults ({@link #DEFAULT_IMAGES}) stay unless
 *                        overridden key by key. Keys with dots need brackets in properties:
 *                        {@code hub.kubernetes.images[ubuntu-24.04]=registry.example/ubuntu:24.04}
 */
@ConfigurationProperties("hub.kubernetes")
public record KubernetesSettings(
        URI apiServer,
        @DefaultValue(KubernetesSettings.DEFAULT_NAMESPACE) String namespace,
        String token,
        boolean trustCerts,
        @DefaultValue("10m") Duration readyTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue(KubernetesSettings.CONTAINER_DISK) String diskSource,
        String storageClass,
        String cloudInitSecret,
        Map<String, String> images) {

    static final String DEFAULT_NAMESPACE = "itsm-vms";
    static final String CONTAINER_DISK = "containerdisk";
    static final String DATA_VOLUME = "datavolume";
    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The OS choices the service catalogue offers, as KubeVirt's public container disks
     * (github.com/kubevirt/containerdisks). That project publishes no Rocky Linux disk: {@code rocky-9} stands in
     * with CentOS Stream 9, the same RHEL 9 family; sites with a Rocky image in their registry override it.
     */
    public static final Map<String, String> DEFAULT_IMAGES = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "debian-12", "quay.io/containerdisks/debian:12",
            "ubuntu-24.04", "quay.io/containerdisks/ubuntu:24.04",
            "rocky-9", "quay.io/containerdisks/centos-stream:9")));

    private static final Set<String> DISK_SOURCES = Set.of(CONTAINER_DISK, DATA_VOLUME);

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public KubernetesSettings {
        if (apiServer != null) {
            if (!"http".equals(apiServer.getScheme()) && !"https".equals(apiServer.getScheme())) {
                throw new IllegalArgumentException(
                        "hub.kubernetes.api-server must be an http or https URL, was " + apiServer);
            }
            // Not echoing the URL: its user info may hold the very secret this refuses to carry.
            if (apiServer.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        "hub.kubernetes.api-server must not carry credentials; set hub.kubernetes.token");
            }
        }
        namespace = Names.dnsLabel("hub.kubernetes.namespace", blankToNull(namespace) == null
                ? DEFAULT_NAMESPACE : namespace.strip());
        token = blankToNull(token);
        readyTimeout = positive("ready-timeout", readyTimeout == null ? DEFAULT_READY_TIMEOUT : readyTimeout);
        requestTimeout = positive("request-timeout", requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout);
        diskSource = blankToNull(diskSource) == null ? CONTAINER_DISK : diskSource.strip().toLowerCase(Locale.ROOT);
        if (!DISK_SOURCES.contains(diskSource)) {
            throw new IllegalArgumentException(
                    "hub.kubernetes.disk-source must be containerdisk or datavolume, was '" + diskSource + "'");
        }
        storageClass = blankToNull(storageClass);
        if (storageClass != null) {
            Names.dnsSubdomain("hub.kubernetes.storage-class", storageClass);
        }
        cloudInitSecret = blankToNull(cloudInitSecret);
        if (cloudInitSecret != null) {
            Names.dnsSubdomain("hub.kubernetes.cloud-init-secret", cloudInitSecret);
        }
        images = mergedImages(images);
    }

    /** Settings with the defaults for everything but where to go and as whom. */
    public static KubernetesSettings of(URI apiServer, String namespace, String token) {
        return new KubernetesSettings(apiServer, namespace, token, false, null, null, null, null, null, null);
    }

    /** The same settings with another {@code readyTimeout}. */
    public KubernetesSettings withReadyTimeout(Duration timeout) {
        return new KubernetesSettings(apiServer, namespace, token, trustCerts, timeout, requestTimeout, diskSource,
                storageClass, cloudInitSecret, images);
    }

    /** The container-disk image of an OS choice, else {@link IllegalArgumentException} naming the choices. */
    public String imageFor(String choice) {
        String image = choice == null ? null : images.get(choice);
        if (image == null) {
            throw new IllegalArgumentException("unknown OS image '" + choice + "'; hub.kubernetes.images offers "
                    + images.keySet());
        }
        return image;
    }

    /** Never prints the token: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "KubernetesSettings[apiServer=" + apiServer + ", namespace=" + namespace + ", token="
                + (token == null ? null : "<secret>") + ", trustCerts=" + trustCerts + ", readyTimeout=" + readyTimeout
                + ", requestTimeout=" + requestTimeout + ", diskSource=" + diskSource + ", storageClass="
                + storageClass + ", cloudInitSecret=" + cloudInitSecret + ", images=" + images + "]";
    }

    private static Map<String, String> mergedImages(Map<String, String> overrides) {
        TreeMap<String, String> merged = new TreeMap<>(DEFAULT_IMAGES);
        if (overrides != null) {
            overrides.forEach((choice, image) -> {
                if (blankToNull(choice) == null || blankToNull(image) == null) {
                    throw new IllegalArgumentException(
                            "hub.kubernetes.images needs an OS choice and an image, was " + choice + "=" + image);
                }
                merged.put(choice.strip(), image.strip());
            });
        }
        return Collections.unmodifiableMap(merged);
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("hub.kubernetes." + key + " must be positive, was " + value);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
