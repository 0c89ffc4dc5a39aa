package io.itsmhub.connectors.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601): who evaluated the message ({@code authservId}) and what
 * each method found. No Java library parses these headers (the field's parsers are Perl's
 * Mail::AuthenticationResults and Python's authres), so this is a small recursive-descent parser of the RFC's
 * grammar: comments (nested, with quoted pairs) and folding are skipped, keywords are compared in lower case,
 * values may be quoted strings. A header that does not follow the grammar is refused as a whole
 * ({@link #parse} returns empty): a half-read header must never count as a pass.
 *
 * @param authservId the receiving server's id, lower case, e.g. {@code mx.example.com}
 * @param results    the method results in header order; empty for {@code none}
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /**
     * One resinfo, e.g. {@code dkim=pass header.d=example.com}.
     *
     * @param method     lower case, without its version ({@code dkim}, {@code spf}, {@code dmarc}, ...)
     * @param result     lower case ({@code pass}, {@code fail}, {@code none}, ...)
     * @param properties ptype.property (lower case) to value as written, e.g. {@code header.d} → {@code example.com}
     */
    public record Result(String method, String result, Map<String, String> properties) {

        public Result {
            properties = Map.copyOf(properties);
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }
    }

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** The header value (unfolded or not), or empty when it does not follow RFC 8601. */
    public static Optional<AuthenticationResults> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parser(value).payload());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A cursor over the value; every method throws IllegalArgumentException on text the grammar does not allow. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        AuthenticationResults payload() {
            cfws();
            String authservId = value();
            if (authservId.isEmpty()) {
                throw new IllegalArgumentException("no authserv-id");
            }
            cfws();
            if (i < s.length() && Character.isDigit(s.charAt(i))) {
                digits(); // authres-version
                cfws();
            }
            List<Result> results = new ArrayList<>();
            if (!peek(';')) {
                throw new IllegalArgumentException("expected ';' after the authserv-id");
            }
            while (peek(';')) {
                i++;
                cfws();
                String method = keyword();
                cfws();
                if (results.isEmpty() && method.equals("none") && !peek('=') && !peek('/')) {
                    cfws();
                    if (i != s.length()) {
                        throw new IllegalArgumentException("text after 'none'");
                    }
                    return new AuthenticationResults(authservId.toLowerCase(Locale.ROOT), List.of());
                }
                results.add(resinfo(method));
            }
            if (i != s.length()) {
                throw new IllegalArgumentException("unexpected text at " + i);
            }
            return new AuthenticationResults(authservId.toLowerCase(Locale.ROOT), results);
        }

        private Result resinfo(String method) {
            if (peek('/')) { // method-version
                i++;
                cfws();
                digits();
                cfws();
            }
            expect('=');
            cfws();
            String result = keyword();
            cfws();
            Map<String, String> properties = new LinkedHashMap<>();
            while (i < s.length() && !peek(';')) {
                String ptype = keyword();
                cfws();
                if (ptype.equals("reason") && peek('=')) {
                    i++;
                    cfws();
                    value();
                    cfws();
                    continue;
                }
                expect('.');
                cfws();
                String property = keyword();
                cfws();
                expect('=');
                cfws();
                String pvalue = pvalue();
                if (pvalue.isEmpty()) {
                    throw new IllegalArgumentException("empty value of " + ptype + "." + property);
                }
                properties.putIfAbsent(ptype + "." + property, pvalue);
                cfws();
            }
            return new Result(method, result, properties);
        }

        /** Keyword: letters, digits and '-' / '_', in lower case (RFC 8601 keywords are case-insensitive). */
        private String keyword() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')
                    && s.charAt(i) < 128) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("expected a keyword at " + i);
            }
            return s.substring(start, i).toLowerCase(Locale.ROOT);
        }

        private void digits() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("expected a version at " + i);
            }
        }

        /** value = token / quoted-string (RFC 2045 token: no specials, no blanks). */
        private String value() {
            if (peek('"')) {
                return quoted();
            }
            int start = i;
            while (i < s.length() && token(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        /** A value, or an address or domain ({@code user@example.com}, {@code @example.com}): up to a blank, ';' or '('. */
        private String pvalue() {
            String local = peek('"') ? quoted() : "";
            int start = i;
            while (i < s.length() && (token(s.charAt(i)) || s.charAt(i) == '@')) {
                i++;
            }
            return local + s.substring(start, i);
        }

        private String quoted() {
            StringBuilder out = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                out.append(s.charAt(i++));
            }
            expect('"');
            return out.toString();
        }

        private static boolean token(char c) {
            return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
        }

        /** Blanks, line folds and (nested) comments. */
        private void cfws() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    i++;
                } else if (c == '(') {
                    comment();
                } else {
                    return;
                }
            }
        }

        private void comment() {
            int depth = 0;
            do {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unclosed comment");
                }
                char c = s.charAt(i++);
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } while (depth > 0);
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }
    }
}
