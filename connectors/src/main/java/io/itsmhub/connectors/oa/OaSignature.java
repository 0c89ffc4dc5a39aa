package io.itsmhub.connectors.oa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature both directions of the OA exchange carry: {@code X-ITSM-Timestamp: <epoch seconds>} and
 * {@code X-ITSM-Signature: sha256=<hex HmacSHA256(secret, timestamp + "." + body)>}. The timestamp is inside the
 * signed text so it cannot be replaced, and {@link #verify} refuses one further than {@code maxSkew} from now, so
 * a captured request cannot be replayed later; within the window the decision's nonce and approval id let the
 * hub ignore repeats. Thread-safe.
 */
public final class OaSignature {

    public static final String TIMESTAMP_HEADER = "X-ITSM-Timestamp";
    public static final String SIGNATURE_HEADER = "X-ITSM-Signature";
    private static final String PREFIX = "sha256=";
    // Up to 12 digits: epoch seconds until the year 33658, and no long overflow on parsing.
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Logger log = LoggerFactory.getLogger(OaSignature.class);

    private final String secret;
    private final Duration maxSkew;

    /** @throws IllegalArgumentException when {@code hub.oa.secret} is not set: nothing could be verified */
    public OaSignature(OaSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.secret() == null) {
            throw new IllegalArgumentException("hub.oa.secret is not set");
        }
        this.secret = settings.secret();
        this.maxSkew = settings.maxSkew();
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code timestamp}.
     *
     * @param timestamp epoch seconds, as sent in {@value #TIMESTAMP_HEADER}
     * @param body      the exact body text, signed as UTF-8
     * @return {@code sha256=} followed by 64 lower-case hex digits
     */
    public static String sign(String secret, long timestamp, String body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, Long.toString(timestamp), body));
    }

    /**
     * Whether a request with these headers and body was signed with the shared secret within {@code maxSkew} of
     * {@code now}. Refuses missing or malformed headers; compares in constant time. Never throws for bad input:
     * whatever the sender got wrong, the answer is the same 401.
     *
     * @param body the body exactly as received (a re-serialised body would not verify)
     */
    public boolean verify(String timestampHeader, String signatureHeader, String body, Instant now) {
        Objects.requireNonNull(now, "now");
        if (body == null) {
            log.debug("OA signature refused: body missing");
            return false;
        }
        if (!plausible(timestampHeader, signatureHeader, now)) {
            return false;
        }
        String hex = signatureHeader.strip().substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        // The header's own digits, not a re-formatted number: that is the text the sender signed.
        boolean valid = MessageDigest.isEqual(mac(secret, timestampHeader.strip(), body), HexFormat.of().parseHex(hex));
        if (!valid) {
            log.debug("OA signature refused: signature does not match");
        }
        return valid;
    }

    /**
     * Whether the headers alone could belong to a valid request: both present and well-formed, the timestamp within
     * {@code maxSkew} of {@code now}. Lets a receiver refuse a request before reading its body; only {@link #verify}
     * says it was signed with the secret. Never throws for bad input.
     */
    public boolean plausible(String timestampHeader, String signatureHeader, Instant now) {
        Objects.requireNonNull(now, "now");
        if (timestampHeader == null || signatureHeader == null) {
            log.debug("OA signature refused: header missing");
            return false;
        }
        String timestamp = timestampHeader.strip();
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            log.debug("OA signature refused: malformed {}", TIMESTAMP_HEADER);
            return false;
        }
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
        if (skew > maxSkew.toSeconds()) {
            log.debug("OA signature refused: timestamp {}s from now, more than {}", skew, maxSkew);
            return false;
        }
        String signature = signatureHeader.strip();
        if (!signature.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            log.debug("OA signature refused: {} does not start with {}", SIGNATURE_HEADER, PREFIX);
            return false;
        }
        if (!HEX_SHA256.matcher(signature.substring(PREFIX.length()).toLowerCase(Locale.ROOT)).matches()) {
            log.debug("OA signature refused: {} is not 64 hex digits", SIGNATURE_HEADER);
            return false;
        }
        return true;
    }

    private static byte[] mac(String secret, String timestamp, String body) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256; a failure here is a broken JVM.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "OaSignature[secret=<secret>, maxSkew=" + maxSkew + "]";
    }
}
