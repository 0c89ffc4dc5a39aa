package io.itsmhub.connectors.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Live progress. The JSON stdout callback prints nothing until the playbook ends, so each run also enables a
 * small notification callback plugin of ours, written into the run's directory, which writes one line per task
 * result on stderr: {@code ITSMHUB-PROGRESS {"host", "task", "status", "done", "total"}}. The total counts the
 * plays' static tasks (handlers and dynamic includes are not known in advance), so it is an estimate that
 * grows when they run. Should the plugin not load, {@link #replay} derives the same lines from the JSON at
 * the end.
 */
final class ProgressCallback {

    static final String NAME = "itsm_progress";
    static final String PREFIX = "ITSMHUB-PROGRESS ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PLUGIN = """
            # Progress of an ITSM Hub run: one line on stderr per task result. Written by ProgressCallback.java.
            from __future__ import annotations

            import json
            import sys

            from ansible.plugins.callback import CallbackBase

            DOCUMENTATION = '''
                name: itsm_progress
                type: notification
                short_description: task progress lines for ITSM Hub
                description: Writes a JSON line per task result on stderr; the hub counts and shows them.
            '''

            PREFIX = 'ITSMHUB-PROGRESS '


            def _count(blocks):
                n = 0
                for block in blocks:
                    for part in (getattr(block, 'block', None) or [], getattr(block, 'always', None) or []):
                        for item in part:
                            if hasattr(item, 'block'):
                                n += _count([item])
                            elif getattr(item, 'action', None) not in ('meta', 'ansible.builtin.meta'):
                                n += 1
                return n


            class CallbackModule(CallbackBase):
                CALLBACK_VERSION = 2.0
                CALLBACK_TYPE = 'notification'
                CALLBACK_NAME = 'itsm_progress'
                CALLBACK_NEEDS_ENABLED = True

                def __init__(self, display=None):
                    super().__init__(display)
                    self._total = 0
                    self._done = {}

                def v2_playbook_on_play_start(self, play):
                    # Best effort, and never a reason for the run to fail.
                    try:
                        total = _count(play.compile())
                        if str(play.gather_facts).lower() not in ('false', 'no'):
                            total += 1
                    except Exception:
                        total = 0
                    self._total += total

                def _emit(self, result, status):
                    try:
                        host = result._host.get_name()
                        done = self._done.get(host, 0)
                        # Handlers run only when notified: they are shown, not counted.
                        if not hasattr(result._task, 'listen'):
                            done += 1
                            self._done[host] = done
                        line = {'host': host, 'task': result._task.get_name(), 'status': status,
                                'done': done, 'total': max(done, self._total)}
                        sys.stderr.write(PREFIX + json.dumps(line) + '\\n')
                        sys.stderr.flush()
                    except Exception:
                        pass

                def v2_runner_on_ok(self, result):
                    self._emit(result, 'changed' if result._result.get('changed') else 'ok')

                def v2_runner_on_failed(self, result, ignore_errors=False):
                    self._emit(result, 'ignored' if ignore_errors else 'failed')

                def v2_runner_on_skipped(self, result):
                    self._emit(result, 'skipped')

                def v2_runner_on_unreachable(self, result):
                    self._emit(result, 'unreachable')
            """;

    private ProgressCallback() {
    }

    /** Writes the plugin into {@code dir}, the directory to name in {@code ANSIBLE_CALLBACK_PLUGINS}. */
    static void install(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(NAME + ".py"), PLUGIN);
    }

    /** The progress text of one plugin line, or null when the line is not one (or not readable). */
    static String format(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(line.substring(PREFIX.length()));
            return format(event.path("done").asInt(), event.path("total").asInt(), event.path("host").asText(),
                    event.path("status").asText(), event.path("task").asText());
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code "3/16 web01 changed: nginx : Write the virtual host"}. */
    static String format(int done, int total, String host, String status, String task) {
        return done + "/" + total + " " + host + " " + status + ": " + task;
    }

    /** The progress lines again, from the JSON at the end, for a run whose plugin said nothing. */
    static void replay(JsonCallbackOutput output, Consumer<String> progress) {
        Map<String, Integer> done = new HashMap<>();
        for (JsonCallbackOutput.TaskOutcome o : output.outcomes()) {
            int n = done.merge(o.host(), 1, Integer::sum);
            progress.accept(format(n, Math.max(n, output.taskCount()), o.host(), o.status(), o.task()));
        }
    }
}
