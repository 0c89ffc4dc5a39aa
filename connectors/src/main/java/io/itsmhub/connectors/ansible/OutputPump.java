package io.itsmhub.connectors.ansible;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads one output stream of the child on a thread of its own, so that neither pipe can fill up and block
 * ansible-playbook while the other is being read. Keeps at most {@code limit} characters: the head (stdout,
 * whose JSON must be whole) or the tail (stderr, whose last lines say what went wrong). Lines that
 * {@code lineFilter} takes (progress lines) are handed over instead of kept.
 */
final class OutputPump {

    private final StringBuilder text = new StringBuilder();
    private final int limit;
    private final boolean keepTail;
    private final LineFilter lineFilter;
    private final Thread thread;
    private volatile boolean truncated;

    /** Takes a line away from the kept text by returning true. */
    interface LineFilter {
        boolean take(String line);
    }

    private OutputPump(InputStream in, String name, int limit, boolean keepTail, LineFilter lineFilter) {
        this.limit = limit;
        this.keepTail = keepTail;
        this.lineFilter = lineFilter;
        this.thread = new Thread(() -> pump(in), name);
        this.thread.setDaemon(true);
    }

    static OutputPump head(InputStream in, String name, int limit) {
        return start(new OutputPump(in, name, limit, false, line -> false));
    }

    static OutputPump tail(InputStream in, String name, int limit, LineFilter lineFilter) {
        return start(new OutputPump(in, name, limit, true, lineFilter));
    }

    private static OutputPump start(OutputPump pump) {
        pump.thread.start();
        return pump;
    }

    /**
     * Waits for the end of the stream, at most {@code millis}: a grandchild that escaped a kill can hold the
     * pipe open, and must not hold the caller too.
     */
    String await(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (text) {
            return text.toString();
        }
    }

    boolean truncated() {
        return truncated;
    }

    private void pump(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!lineFilter.take(line)) {
                    keep(line);
                }
            }
        } catch (IOException closed) {
            // the process is gone; what was read is kept
        }
    }

    private void keep(String line) {
        synchronized (text) {
            if (keepTail) {
                text.append(line).append('\n');
                if (text.length() > limit) {
                    text.delete(0, text.length() - limit);
                    truncated = true;
                }
            } else if (text.length() + line.length() + 1 <= limit) {
                text.append(line).append('\n');
            } else {
                truncated = true;
            }
        }
    }

    /** Wraps a progress consumer so that a failing consumer cannot stop the pump. */
    static LineFilter progressLines(Consumer<String> progress, Runnable seen) {
        return line -> {
            String message = ProgressCallback.format(line);
            if (message == null) {
                return false;
            }
            seen.run();
            if (progress != null) {
                try {
                    progress.accept(message);
                } catch (RuntimeException e) {
                    // the caller's problem; the run goes on
                }
            }
            return true;
        };
    }
}
