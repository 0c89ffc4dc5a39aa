package io.itsmhub.connectors.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the receiving mail server vouches for a message's From domain. Anyone can write an
 * {@code Authentication-Results} header into a message, so only headers whose authserv-id is on the trusted list
 * count; RFC 8601 section 5 makes those servers delete headers carrying their own id from incoming mail, which is
 * what makes their id worth trusting. A header vouches when it shows {@code dkim=pass} with {@code header.d} (or the
 * domain of {@code header.i}) equal to the From domain, or {@code spf=pass} with the domain of
 * {@code smtp.mailfrom} equal to it. Equal, not a parent or sub-domain: no DMARC-style relaxed alignment.
 */
public final class SenderAuthentication {

    private final Set<String> trustedAuthservIds;

    public SenderAuthentication(List<String> trustedAuthservIds) {
        this.trustedAuthservIds = trustedAuthservIds == null ? Set.of() : trustedAuthservIds.stream()
                .filter(id -> id != null && !id.isBlank()).map(id -> id.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * What vouches for {@code from}, e.g. {@code "dkim=pass header.d=example.com (mx.example.com)"}, or empty.
     *
     * @param headers the values of every Authentication-Results header of the message
     * @param from    the bare From address
     */
    public Optional<String> verify(List<String> headers, String from) {
        if (from == null || from.lastIndexOf('@') < 0 || headers == null) {
            return Optional.empty();
        }
        String domain = domainOf(from);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        for (String header : headers) {
            Optional<AuthenticationResults> parsed = AuthenticationResults.parse(header);
            if (parsed.isEmpty() || !trustedAuthservIds.contains(parsed.get().authservId())) {
                continue;
            }
            for (AuthenticationResults.Result result : parsed.get().results()) {
                Optional<String> pass = pass(result, domain);
                if (pass.isPresent()) {
                    return Optional.of(pass.get() + " (" + parsed.get().authservId() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pass(AuthenticationResults.Result result, String domain) {
        if (!result.result().equals("pass")) {
            return Optional.empty();
        }
        if (result.method().equals("dkim")) {
            if (result.property("header.d").map(d -> domainOf(d).equals(domain)).orElse(false)) {
                return Optional.of("dkim=pass header.d=" + domain);
            }
            if (result.property("header.i").map(i -> domainOf(i).equals(domain)).orElse(false)) {
                return Optional.of("dkim=pass header.i=" + result.property("header.i").get());
            }
        }
        if (result.method().equals("spf")
                && result.property("smtp.mailfrom").map(m -> domainOf(m).equals(domain)).orElse(false)) {
            return Optional.of("spf=pass smtp.mailfrom=" + result.property("smtp.mailfrom").get());
        }
        return Optional.empty();
    }

    /** The part after the last '@' (or all of it), lower case, without a trailing dot. */
    private static String domainOf(String addressOrDomain) {
        String d = addressOrDomain.substring(addressOrDomain.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
