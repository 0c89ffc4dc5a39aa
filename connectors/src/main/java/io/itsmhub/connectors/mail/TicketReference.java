package io.itsmhub.connectors.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket a mail is about from its subject, e.g. {@code INC-000123} in
 * {@code "Re: [INC-000123] Database down"}: the hub puts the number in the subjects it sends, and mail clients
 * keep the subject in replies even where they drop In-Reply-To.
 */
public final class TicketReference {

    /**
     * Upper case only, as the hub writes them; word boundaries so that {@code XINC-000123} or a seventh digit
     * do not match.
     */
    private static final Pattern NUMBER = Pattern.compile("\\b(?:INC|REQ|CHG|PRB)-\\d{6}\\b");

    private TicketReference() {
    }

    /** The first ticket number in {@code subject}, or empty (also for null). */
    public static Optional<String> find(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
