package io.itsmhub.core.ticket;

import java.time.Instant;

/**
 * A link between two tickets of any types, read from {@code from}'s side. A link is stored once, in the direction it
 * was made (a child names its parent, a duplicate its original); {@link TicketLinkService} shows it from both ends.
 */
public record TicketLink(String from, Kind kind, String to, String createdBy, Instant createdAt) {

    public enum Kind {
        /** {@code from} is a child of {@code to} (a task of a change, an incident of a major incident). */
        CHILD_OF("PARENT_OF"),
        /** {@code from} was caused by {@code to} (an incident by a change, by a problem). */
        CAUSED_BY("CAUSES"),
        /** {@code from} reports what {@code to} already does; work goes on {@code to}. */
        DUPLICATE_OF("DUPLICATED_BY"),
        /** Worth reading together; no direction. */
        RELATED("RELATED");

        private final String inverse;

        Kind(String inverse) {
            this.inverse = inverse;
        }

        /** How the link reads from {@code to}'s side: PARENT_OF, CAUSES, DUPLICATED_BY, RELATED. */
        public String inverse() {
            return inverse;
        }
    }

    /** The link as one of its tickets sees it: the other ticket and how it relates to this one. */
    public record Seen(String number, String relation, String createdBy, Instant createdAt) { }
}
