package io.itsmhub.core.alert;

/** What one webhook delivery did; the webhook answers it so that an operator can see it in Alertmanager's logs. */
public record IntakeResult(int received, int created, int deduplicated, int resolved, int reopened, int ignored) {

    static final IntakeResult EMPTY = new IntakeResult(0, 0, 0, 0, 0, 0);

    IntakeResult plus(IntakeResult o) {
        return new IntakeResult(received + o.received, created + o.created, deduplicated + o.deduplicated,
                resolved + o.resolved, reopened + o.reopened, ignored + o.ignored);
    }
}
