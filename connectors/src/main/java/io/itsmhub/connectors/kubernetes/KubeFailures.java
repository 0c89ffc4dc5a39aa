package io.itsmhub.connectors.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what fabric8 throws into the one {@link ConnectorException} family. fabric8 reports "no answer" (refused,
 * reset, timed out) as a {@link KubernetesClientException} without a status code ({@code getCode() <= 0}) and an
 * I/O or timeout exception as its cause; an answer as the code and the API server's {@link Status} message.
 */
final class KubeFailures {

    static final String SYSTEM = "kubernetes";
    private static final int MAX_REASON = 300;

    private final String target;
    private final String namespace;
    private final String token;

    /**
     * @param target    the API server, for messages
     * @param namespace the VMs' namespace, for messages
     * @param token     the configured token, scrubbed from every message; null when none
     */
    KubeFailures(String target, String namespace, String token) {
        this.target = target;
        this.namespace = namespace;
        this.token = token;
    }

    ConnectorException of(KubernetesClientException e, String doing) {
        int code = e.getCode();
        String reason = reasonOf(e);
        if (code <= 0) {
            if (noAnswer(e)) {
                return retryable(doing + " failed: no answer from the Kubernetes API server at " + target + " ("
                        + reason + ")", e);
            }
            return permanent(doing + " failed: " + reason, e);
        }
        return switch (code) {
            case 401 -> permanent("the Kubernetes API server at " + target + " refused the hub's credentials (401) "
                    + doing + ": " + reason, e);
            case 403 -> permanent("the hub may not do this in namespace '" + namespace + "' (403): " + doing + ": "
                    + reason, e);
            case 404 -> permanent(doing + " failed: not found (404): " + reason + " (is the namespace there and "
                    + "KubeVirt installed?)", e);
            case 409 -> retryable(doing + " failed: conflict (409): " + reason, e);
            case 422 -> permanent(doing + " failed: the API server refused the VM as invalid (422): " + reason, e);
            default -> {
                String message = doing + " failed: the API server answered HTTP " + code + ": " + reason;
                yield ConnectorException.isRetryableStatus(code) ? retryable(message, e) : permanent(message, e);
            }
        };
    }

    ConnectorException retryable(String message, Throwable cause) {
        return ConnectorException.retryable(SYSTEM, scrub(message), cause);
    }

    ConnectorException permanent(String message, Throwable cause) {
        return ConnectorException.permanent(SYSTEM, scrub(message), cause);
    }

    /** Whether the request got no answer at all: the peer or the network failed, which a retry may outlast. */
    static boolean noAnswer(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            // Vert.x reports its timeouts with exceptions of its own, named so.
            if (t instanceof IOException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The API server's own words when it answered, else the innermost cause: fabric8's text repeats the URL. */
    private static String reasonOf(KubernetesClientException e) {
        Status status = e.getStatus();
        if (e.getCode() > 0 && status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return shorten(status.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return shorten(text);
    }

    private static String shorten(String text) {
        String plain = text.replaceAll("\\s+", " ").strip();
        return plain.length() <= MAX_REASON ? plain : plain.substring(0, MAX_REASON) + "…";
    }

    /** Belt and braces: whatever the API server or a proxy echoed, the token does not leave in a message. */
    private String scrub(String message) {
        return token == null ? message : message.replace(token, "<secret>");
    }
}
