package io.itsmhub.core.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What one webhook delivery did; the webhook answers it so that an operator can see it in Alertmanager's logs.
 * {@code rejected} alerts were not stored (each named in {@code rejections} by its index in the notification);
 * the other alerts of the notification were.
 */
public record IntakeResult(int received, int created, int deduplicated, int resolved, int reopened, int ignored,
                           int rejected, List<Rejection> rejections) {

    /** An alert of the notification that was not stored, and why. */
    public record Rejection(int index, String field, String reason) { }

    static final IntakeResult EMPTY = new IntakeResult(0, 0, 0, 0, 0, 0);

    IntakeResult(int received, int created, int deduplicated, int resolved, int reopened, int ignored) {
        this(received, created, deduplicated, resolved, reopened, ignored, 0, List.of());
    }

    static IntakeResult rejected(int index, String field, String reason) {
        return new IntakeResult(1, 0, 0, 0, 0, 0, 1, List.of(new Rejection(index, field, reason)));
    }

    IntakeResult plus(IntakeResult o) {
        List<Rejection> all = new ArrayList<>(rejections);
        all.addAll(o.rejections);
        return new IntakeResult(received + o.received, created + o.created, deduplicated + o.deduplicated,
                resolved + o.resolved, reopened + o.reopened, ignored + o.ignored, rejected + o.rejected, List.copyOf(all));
    }
}
