package io.itsmhub.connectors.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OaSignatureTest {

    private static final String SECRET = "oa-shared-s3cret-2f9c";
    private static final long T = 1_700_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(T);
    private static final String BODY = "{\"approvalId\":\"APR-7\",\"decision\":\"APPROVED\",\"decidedBy\":\"bob\","
            + "\"comment\":\"同意\",\"nonce\":\"n-1\"}";
    private static final OaSignature SIGNATURE = new OaSignature(new OaSettings(null, SECRET, Duration.ofMinutes(5), null));

    @Test
    void signsAKnownVector() {
        // printf '1700000000.{}' | openssl dgst -sha256 -hmac k3y
        assertThat(OaSignature.sign("k3y", T, "{}"))
                .isEqualTo("sha256=e2974d0d973957aed8182a7f1ef5690a188566c2c4620fc16bd97d7febcf5ef3");
    }

    @Test
    void acceptsACorrectSignature() {
        assertThat(SIGNATURE.verify(Long.toString(T), OaSignature.sign(SECRET, T, BODY), BODY, NOW)).isTrue();
    }

    @Test
    void acceptsUpperCaseHexAndSurroundingSpace() {
        String header = " sha256=" + OaSignature.sign(SECRET, T, BODY).substring(7).toUpperCase() + " ";

        assertThat(SIGNATURE.verify(" " + T + " ", header, BODY, NOW)).isTrue();
    }

    @Test
    void refusesATamperedBody() {
        String signature = OaSignature.sign(SECRET, T, BODY);

        assertThat(SIGNATURE.verify(Long.toString(T), signature, BODY.replace("APPROVED", "REJECTED"), NOW)).isFalse();
        assertThat(SIGNATURE.verify(Long.toString(T), signature, BODY + " ", NOW)).isFalse();
    }

    @Test
    void refusesAnotherTimestampThanTheSignedOne() {
        String signature = OaSignature.sign(SECRET, T, BODY);

        assertThat(SIGNATURE.verify(Long.toString(T + 1), signature, BODY, NOW)).isFalse();
    }

    @Test
    void refusesAWrongSecret() {
        assertThat(SIGNATURE.verify(Long.toString(T), OaSignature.sign("another-secret", T, BODY), BODY, NOW)).isFalse();
    }

    @ParameterizedTest(name = "skew {0}s accepted: {1}")
    @CsvSource({"-300, true", "300, true", "-301, false", "301, false", "-86400, false", "86400, false"})
    void refusesTimestampsBeyondMaxSkewEitherWay(long skewSeconds, boolean accepted) {
        long timestamp = T + skewSeconds; // negative: an old request replayed; positive: from the future
        String signature = OaSignature.sign(SECRET, timestamp, BODY);

        assertThat(SIGNATURE.verify(Long.toString(timestamp), signature, BODY, NOW)).isEqualTo(accepted);
    }

    @Test
    void refusesMissingHeadersOrBody() {
        String signature = OaSignature.sign(SECRET, T, BODY);

        assertThat(SIGNATURE.verify(null, signature, BODY, NOW)).isFalse();
        assertThat(SIGNATURE.verify(Long.toString(T), null, BODY, NOW)).isFalse();
        assertThat(SIGNATURE.verify(Long.toString(T), signature, null, NOW)).isFalse();
    }

    @ParameterizedTest(name = "timestamp ''{0}''")
    @ValueSource(strings = {"", "abc", "1700000000.5", "-1700000000", "1.7e9", "99999999999999999999", "2023-11-14T22:13:20Z"})
    void refusesMalformedTimestamps(String timestamp) {
        assertThat(SIGNATURE.verify(timestamp, OaSignature.sign(SECRET, T, BODY), BODY, NOW)).isFalse();
    }

    @Test
    void refusesMalformedSignatures() {
        String hex = OaSignature.sign(SECRET, T, BODY).substring("sha256=".length());
        String ts = Long.toString(T);

        assertThat(SIGNATURE.verify(ts, hex, BODY, NOW)).as("no prefix").isFalse();
        assertThat(SIGNATURE.verify(ts, "sha1=" + hex, BODY, NOW)).as("other algorithm").isFalse();
        assertThat(SIGNATURE.verify(ts, "sha256=" + hex.substring(2), BODY, NOW)).as("short").isFalse();
        assertThat(SIGNATURE.verify(ts, "sha256=" + hex + "00", BODY, NOW)).as("long").isFalse();
        assertThat(SIGNATURE.verify(ts, "sha256=" + "z" + hex.substring(1), BODY, NOW)).as("not hex").isFalse();
        assertThat(SIGNATURE.verify(ts, "sha256=", BODY, NOW)).as("empty").isFalse();
        assertThat(SIGNATURE.verify(ts, "", BODY, NOW)).as("blank header").isFalse();
    }

    @Test
    void tellsFromTheHeadersAloneWhetherARequestIsWorthReadingItsBody() {
        String signature = OaSignature.sign(SECRET, T, BODY);

        assertThat(SIGNATURE.plausible(Long.toString(T), signature, NOW)).isTrue();
        assertThat(SIGNATURE.plausible(Long.toString(T), "sha256=" + "0".repeat(64), NOW)).as("well-formed, not checked").isTrue();
        assertThat(SIGNATURE.plausible(null, signature, NOW)).as("no timestamp").isFalse();
        assertThat(SIGNATURE.plausible(Long.toString(T), null, NOW)).as("no signature").isFalse();
        assertThat(SIGNATURE.plausible(Long.toString(T - 301), signature, NOW)).as("stale").isFalse();
        assertThat(SIGNATURE.plausible(Long.toString(T), "sha256=abc", NOW)).as("malformed").isFalse();
    }

    @Test
    void needsASecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OaSignature(OaSettings.of(null, null)))
                .withMessageContaining("hub.oa.secret");
        assertThat(SIGNATURE.toString()).doesNotContain(SECRET);
    }

    @Test
    void theSettingsSecretSignsTheWayTheStaticMethodDoes() {
        OaSettings settings = OaSettings.of(URI.create("https://oa.example/api"), SECRET);

        assertThat(new OaSignature(settings).verify(Long.toString(T), OaSignature.sign(SECRET, T, BODY), BODY,
                NOW.plusSeconds(299))).isTrue();
    }
}
