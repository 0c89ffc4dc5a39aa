package io.itsmhub.connectors.jenkins;

import java.util.List;
import java.util.Set;
import org.jclouds.Constants;
import org.jclouds.logging.BaseLogger;
import org.jclouds.logging.Logger;
import org.jclouds.logging.config.LoggingModule;
import org.slf4j.LoggerFactory;

/**
 * jclouds' logging, made safe. Its default (JDK logging) writes every request header, Authorization included,
 * to {@code jclouds.headers} at FINE; its "null" logging module prints errors to {@code System.err}. Here the
 * header, wire and signature categories say nothing, and everything else goes to SLF4J logger
 * {@code io.itsmhub.connectors.jenkins.jclouds} at DEBUG, errors included: the client reports every failure
 * itself, as a {@link io.itsmhub.connectors.ConnectorException}, so jclouds' "cannot retry" errors are noise.
 * Below jclouds, the JDK's {@code HttpURLConnection} logs every request header too; see {@link #quietJdkHttp()}.
 */
final class JcloudsLogging extends LoggingModule {

    /** Held strongly: JDK logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final java.util.logging.Logger JDK_HTTP =
            java.util.logging.Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

    private static final Set<String> SILENT = Set.of(Constants.LOGGER_HTTP_HEADERS, Constants.LOGGER_HTTP_WIRE,
            Constants.LOGGER_SIGNATURE);
    private static final org.slf4j.Logger log = LoggerFactory.getLogger("io.itsmhub.connectors.jenkins.jclouds");

    private final List<String> secrets;

    /** @param secrets texts to blank out of every message, whatever jclouds puts in it */
    JcloudsLogging(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /**
     * The JDK's {@code HttpURLConnection} (jclouds' transport) writes each request's headers, the Basic
     * Authorization header included, at FINE; with Spring Boot bridging JDK logging, {@code logging.level.root=DEBUG}
     * would print the API token. This pins that one JDK logger at INFO, JVM-wide; what it loses is a header dump.
     */
    static void quietJdkHttp() {
        java.util.logging.Level level = JDK_HTTP.getLevel();
        if (level == null || level.intValue() < java.util.logging.Level.INFO.intValue()) {
            JDK_HTTP.setLevel(java.util.logging.Level.INFO);
        }
    }

    @Override
    public Logger.LoggerFactory createLoggerFactory() {
        return category -> new Slf4jDebug(category, !SILENT.contains(category));
    }

    private final class Slf4jDebug extends BaseLogger {

        private final String category;
        private final boolean enabled;

        Slf4jDebug(String category, boolean enabled) {
            this.category = category;
            this.enabled = enabled;
        }

        private void write(String message, Throwable e) {
            String text = message;
            for (String secret : secrets) {
                text = text.replace(secret, "<secret>");
            }
            log.debug("[{}] {}", category, text, e);
        }

        @Override protected void logError(String message, Throwable e) { write(message, e); }
        @Override protected void logError(String message) { write(message, null); }
        @Override protected void logWarn(String message, Throwable e) { write(message, e); }
        @Override protected void logWarn(String message) { write(message, null); }
        @Override protected void logInfo(String message) { write(message, null); }
        @Override protected void logDebug(String message) { write(message, null); }
        @Override protected void logTrace(String message) { write(message, null); }
        @Override public String getCategory() { return category; }
        @Override public boolean isTraceEnabled() { return enabled && log.isDebugEnabled(); }
        @Override public boolean isDebugEnabled() { return enabled && log.isDebugEnabled(); }
        @Override public boolean isInfoEnabled() { return enabled && log.isDebugEnabled(); }
        @Override public boolean isWarnEnabled() { return enabled && log.isDebugEnabled(); }
        @Override public boolean isErrorEnabled() { return enabled && log.isDebugEnabled(); }
    }
}
