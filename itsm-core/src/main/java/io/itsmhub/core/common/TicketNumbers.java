package io.itsmhub.core.common;

/** Ticket numbers such as INC-000042: a prefix and the row's sequence value, zero-padded to six digits. */
public final class TicketNumbers {
    private TicketNumbers() { }

    public static String format(String prefix, long sequenceValue) {
        return "%s-%06d".formatted(prefix, sequenceValue);
    }
}
