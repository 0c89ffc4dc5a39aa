package io.itsmhub.connectors.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message to send. Addresses are checked by {@link MailSender#send}, which fails permanently naming a
 * malformed one; this record only refuses what is a programming error.
 *
 * @param to        recipients, bare ({@code a@example.com}) or with a name ({@code Alice <a@example.com>}); at
 *                  least one
 * @param subject   the subject; null reads as empty
 * @param text      the plain-text body; may be null when {@code html} is set (then it is derived from the HTML)
 * @param html      the HTML body, or null for a text-only message; with both, the message is multipart/alternative
 * @param inReplyTo the Message-ID this answers ({@code <id@domain>}), or null; sets In-Reply-To and References
 * @param headers   extra headers, e.g. {@code X-ITSM-Ticket}; not the ones the sender sets itself (From, To,
 *                  Subject, Message-ID, Date, In-Reply-To, References, MIME and Content headers)
 */
public record OutgoingMail(List<String> to, String subject, String text, String html, String inReplyTo,
        Map<String, String> headers) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an outgoing mail needs at least one recipient");
        }
        subject = subject == null ? "" : subject;
        if (text == null && html == null) {
            throw new IllegalArgumentException("an outgoing mail needs a text or an HTML body");
        }
        // Kept in the caller's order, so that the headers go out as written.
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        headers.forEach((name, value) -> Objects.requireNonNull(value, () -> "value of header " + name));
    }

    /** Leaves out the bodies: they may hold one-time passwords, and records end up in logs. */
    @Override
    public String toString() {
        return "OutgoingMail[to=" + to + ", subject=" + subject + ", text=" + length(text) + ", html=" + length(html)
                + ", inReplyTo=" + inReplyTo + ", headers=" + headers + "]";
    }

    private static String length(String body) {
        return body == null ? null : "<" + body.length() + " chars>";
    }
}
