package io.itsmhub.connectors.sms;

import io.itsmhub.connectors.ConnectorException;
import java.util.regex.Pattern;

/**
 * Loose phone number checks. Loose on purpose: numbering plans differ by country and the gateway knows them;
 * this only refuses what is certainly not a number (an e-mail address, a name, an empty field) before it costs
 * a gateway call, and a retry can never fix those.
 */
final class PhoneNumber {

    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9][0-9 \\-]*");
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 20;
    private static final int MAX_SHOWN = 40;

    private PhoneNumber() {
    }

    /** The number with spaces and dashes removed ({@code +86 138-0013-8000} → {@code +8613800138000}). */
    static String normalize(String raw) {
        String number = raw == null ? "" : raw.strip();
        String compact = number.replace(" ", "").replace("-", "");
        int digits = compact.startsWith("+") ? compact.length() - 1 : compact.length();
        if (!SHAPE.matcher(number).matches() || digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw ConnectorException.permanent(HttpSmsClient.SYSTEM, "invalid phone number '" + shown(raw)
                    + "': expected digits with an optional leading +, spaces or dashes, " + MIN_DIGITS + " to "
                    + MAX_DIGITS + " digits", null);
        }
        return compact;
    }

    /** For DEBUG logs: enough to tell recipients apart, not enough to be a contact list. */
    static String masked(String normalized) {
        int keep = Math.min(4, normalized.length());
        return "…" + normalized.substring(normalized.length() - keep);
    }

    private static String shown(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= MAX_SHOWN ? raw : raw.substring(0, MAX_SHOWN) + "…";
    }
}
