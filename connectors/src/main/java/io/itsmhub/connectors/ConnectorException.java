package io.itsmhub.connectors;

/**
 * The one exception family of every connector. {@link #retryable()} drives the routes' error handling:
 * connect errors, timeouts, 5xx and 429 are worth a retry with back-off; 4xx and validation failures are
 * not, and go straight to the dead-letter list for an operator.
 */
public class ConnectorException extends RuntimeException {

    private final String system;
    private final boolean retryable;

    public ConnectorException(String system, String message, boolean retryable, Throwable cause) {
        super(system + ": " + message, cause);
        this.system = system;
        this.retryable = retryable;
    }

    public static ConnectorException retryable(String system, String message, Throwable cause) {
        return new ConnectorException(system, message, true, cause);
    }

    public static ConnectorException permanent(String system, String message, Throwable cause) {
        return new ConnectorException(system, message, false, cause);
    }

    /** Classifies an HTTP status the way every HTTP connector should: 408, 429 and 5xx are transient. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    public String system() { return system; }

    public boolean retryable() { return retryable; }
}
