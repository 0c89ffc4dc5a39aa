package io.itsmhub.connectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, through SLF4J (at TRACE) and JDK logging (at ALL), for the tests that
 * prove a secret reaches no log line whatever the level. Closing it puts the levels back.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> julLines = Collections.synchronizedList(new ArrayList<>());
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    private final java.util.logging.Level julLevel = julRoot.getLevel();
    private final List<java.util.logging.Logger> extra = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            julLines.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        handler.setLevel(java.util.logging.Level.ALL);
        julRoot.addHandler(handler);
        julRoot.setLevel(java.util.logging.Level.ALL);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Also a JDK logger that does not hand its records to the root (a library's own debug log). */
    public LogCapture alsoFrom(java.util.logging.Logger logger) {
        logger.addHandler(handler);
        extra.add(logger);
        return this;
    }

    /** What was logged so far: JDK logging's lines, then SLF4J's, each with its logger name and any stack trace. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(julLines);
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " "
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        julRoot.removeHandler(handler);
        julRoot.setLevel(julLevel);
        extra.forEach(logger -> logger.removeHandler(handler));
    }
}
