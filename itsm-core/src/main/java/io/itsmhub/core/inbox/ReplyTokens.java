package io.itsmhub.core.inbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reply tokens: {@code inc-000123-<32 hex>}, an HMAC-SHA256 over the ticket and the recipient's address, cut to
 * 128 bits. The hub writes one into the Reply-To of each mail it sends ({@code itsm+<token>@example.com}), so a
 * reply shows which ticket it answers and that it answers a mail sent to that address; forging one needs the key.
 * Lower case and hex because mail servers may fold the case of a local part, and short enough for its 64
 * characters. A token is a capability for one ticket and one person: it lets a reply comment, nothing else.
 */
@Component
public class ReplyTokens {

    private static final Pattern TOKEN = Pattern.compile("\\b((?:inc|req|chg|prb)-\\d{6})-([0-9a-f]{32})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String STORED_SECRET = "mail-reply-token";

    private final ReplyTokenSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private volatile byte[] key;

    ReplyTokens(ReplyTokenSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The token for mail about {@code ticket} sent to {@code address}. */
    public String issue(String ticket, String address) {
        String number = ticket.toLowerCase(Locale.ROOT);
        return number + "-" + mac(number, address);
    }

    /** The ticket the first token in {@code text} was issued for, when it was issued to {@code address}. */
    Optional<String> verify(String text, String address) {
        Optional<Matcher> token = find(text);
        if (token.isEmpty() || address == null) {
            return Optional.empty();
        }
        String number = token.get().group(1).toLowerCase(Locale.ROOT);
        byte[] expected = mac(number, address).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.get().group(2).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(number.toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether {@code text} holds something shaped like a token (valid or not). */
    static boolean present(String text) {
        return find(text).isPresent();
    }

    private static Optional<Matcher> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    private String mac(String number, String address) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] sum = hmac.doFinal(("mail-reply\n" + number + "\n" + address.strip().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String secret = settings.replyTokenSecret() != null ? settings.replyTokenSecret() : storedSecret();
            key = k = secret.getBytes(StandardCharsets.UTF_8);
        }
        return k;
    }

    /**
     * The key every hub on this database uses when none is configured: the first hub that needs it stores 256
     * random bits, the others (a race loses on the primary key) read them.
     */
    private String storedSecret() {
        Optional<String> stored = read();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            ownTransaction.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO hub_secret (name, secret, created_at) VALUES (?, ?, ?)", STORED_SECRET,
                    Base64.getEncoder().encodeToString(random), java.sql.Timestamp.from(clock.instant())));
        } catch (DataIntegrityViolationException anotherHubWasFirst) {
            // its key is the one to use
        }
        return read().orElseThrow(() -> new IllegalStateException("the reply-token secret could not be stored"));
    }

    private Optional<String> read() {
        return ownTransaction.execute(s -> jdbc.queryForList("SELECT secret FROM hub_secret WHERE name = ?",
                String.class, STORED_SECRET).stream().findFirst());
    }
}
