package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class KubernetesSettingsTest {

    private static final URI API_SERVER = URI.create("https://k8s.example:6443");

    @Test
    void toStringNeverShowsTheToken() {
        String text = KubernetesSettings.of(API_SERVER, null, "eyJhbGciOi-secret").toString();

        assertThat(text).doesNotContain("eyJhbGciOi-secret").contains("token=<secret>")
                .contains("apiServer=https://k8s.example:6443");
    }

    @Test
    void defaultsApplyWithoutSpring() {
        KubernetesSettings settings = KubernetesSettings.of(null, null, null);

        assertThat(settings.apiServer()).isNull();
        assertThat(settings.namespace()).isEqualTo("itsm-vms");
        assertThat(settings.token()).isNull();
        assertThat(settings.trustCerts()).isFalse();
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.diskSource()).isEqualTo("containerdisk");
        assertThat(settings.storageClass()).isNull();
        assertThat(settings.images()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "debian-12", "quay.io/containerdisks/debian:12",
                "ubuntu-24.04", "quay.io/containerdisks/ubuntu:24.04",
                "rocky-9", "quay.io/containerdisks/centos-stream:9"));
        assertThat(settings.toString()).contains("token=null");
    }

    @Test
    void bindsWithDefaultsAndIgnoresTheOtherKeysOfThePrefix() {
        KubernetesSettings settings = bind(Map.of(
                "hub.kubernetes.api-server", "https://k8s.example:6443",
                "hub.kubernetes.token", "t0k",
                "hub.kubernetes.trust-certs", "true",
                "hub.kubernetes.ready-timeout", "5m",
                "hub.kubernetes.disk-source", "DataVolume",
                "hub.kubernetes.storage-class", "ceph-rbd",
                "hub.kubernetes.images[ubuntu-24.04]", "registry.example/ubuntu:24.04",
                "hub.kubernetes.images[fedora-41]", "quay.io/containerdisks/fedora:41",
                "hub.kubernetes.default-cpu", "2"));

        assertThat(settings.apiServer()).isEqualTo(API_SERVER);
        assertThat(settings.namespace()).isEqualTo("itsm-vms");
        assertThat(settings.token()).isEqualTo("t0k");
        assertThat(settings.trustCerts()).isTrue();
        assertThat(settings.readyTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.diskSource()).isEqualTo("datavolume");
        assertThat(settings.storageClass()).isEqualTo("ceph-rbd");
        assertThat(settings.images())
                .containsEntry("ubuntu-24.04", "registry.example/ubuntu:24.04")
                .containsEntry("fedora-41", "quay.io/containerdisks/fedora:41")
                .as("defaults not overridden stay").containsEntry("debian-12", "quay.io/containerdisks/debian:12");
    }

    @Test
    void anEmptyConfigurationBindsToTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(KubernetesSettings.of(null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ready-timeout", "request-timeout"})
    void durationsMustBePositive(String key) {
        assertThatThrownBy(() -> bind(Map.of("hub.kubernetes." + key, "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.kubernetes." + key + " must be positive");
    }

    @Test
    void refusesWhatKubernetesWouldRefuseLater() {
        assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSettings.of(null, "ITSM_VMs", null))
                .withMessageContaining("hub.kubernetes.namespace");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KubernetesSettings(null, null, null, false, null, null, "hostdisk", null, null, null))
                .withMessageContaining("containerdisk or datavolume");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KubernetesSettings.of(URI.create("ftp://k8s.example"), null, null))
                .withMessageContaining("http or https");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KubernetesSettings.of(URI.create("https://hub:s3cr3t@k8s.example"), null, null))
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void anUnknownImageChoiceNamesTheChoicesThereAre() {
        assertThatIllegalArgumentException().isThrownBy(() -> KubernetesSettings.of(null, null, null).imageFor("win11"))
                .withMessageContaining("win11").withMessageContaining("debian-12");
    }

    private static KubernetesSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hub.kubernetes", KubernetesSettings.class);
    }
}
