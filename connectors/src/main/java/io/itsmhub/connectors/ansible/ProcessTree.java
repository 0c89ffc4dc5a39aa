package io.itsmhub.connectors.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process with everything it started. ansible-playbook forks a worker per host and task, which runs
 * the module, which runs commands ({@code sleep 600}); killing only the parent would leave those running.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Kills the process and its descendants, then waits up to {@code waitMillis} for them all to be gone. The
     * descendants are listed before anything dies: a killed parent's children are adopted by init and no
     * longer show up as descendants. The parent dies first, so that it forks no new workers meanwhile.
     */
    static void kill(Process process, long waitMillis) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception stillThereOrGone) {
                // best effort: the next handle, or the deadline
            }
        }
    }
}
