package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8601 headers as real servers write them, and which of them vouch for a From domain. */
class SenderAuthenticationTest {

    private final SenderAuthentication trusted = new SenderAuthentication(List.of("mx.example.com", " MX2.Example.com "));

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        dkim pass, aligned                | mx.example.com; dkim=pass header.d=example.com header.s=sel                     | dkim=pass header.d=example.com (mx.example.com)
        dkim pass by header.i             | mx.example.com; dkim=pass header.i=@example.com                                 | dkim=pass header.i=@example.com (mx.example.com)
        spf pass, mailfrom domain          | mx.example.com; spf=pass smtp.mailfrom=bounce@example.com                      | spf=pass smtp.mailfrom=bounce@example.com (mx.example.com)
        spf pass, bare domain              | mx.example.com; spf=pass smtp.mailfrom=example.com                             | spf=pass smtp.mailfrom=example.com (mx.example.com)
        second trusted id, case folded     | MX2.EXAMPLE.COM 1; DKIM=Pass header.d=Example.COM                              | dkim=pass header.d=example.com (mx2.example.com)
        comments and folding               | mx.example.com (Postfix) ;\\r\\n\\tdkim=pass (2048-bit key; unprotected) header.d=example.com (ok (nested)) | dkim=pass header.d=example.com (mx.example.com)
        quoted authserv-id                 | "mx.example.com"; spf=pass smtp.mailfrom=example.com                           | spf=pass smtp.mailfrom=example.com (mx.example.com)
        method version and reason          | mx.example.com; dkim/1=pass reason="good sig" header.d=example.com              | dkim=pass header.d=example.com (mx.example.com)
        fail then pass                     | mx.example.com; dkim=fail header.d=evil.example; spf=pass smtp.mailfrom=example.com | spf=pass smtp.mailfrom=example.com (mx.example.com)
        untrusted authserv-id              | evil.example; dkim=pass header.d=example.com                                   | -
        dkim pass for another domain       | mx.example.com; dkim=pass header.d=evil.example                                | -
        dkim pass for a parent domain      | mx.example.com; dkim=pass header.d=com                                         | -
        dkim pass for a sub-domain         | mx.example.com; dkim=pass header.d=mail.example.com                            | -
        dkim fail                          | mx.example.com; dkim=fail header.d=example.com                                 | -
        dkim neutral                       | mx.example.com; dkim=neutral header.d=example.com                              | -
        spf softfail                       | mx.example.com; spf=softfail smtp.mailfrom=example.com                         | -
        spf pass for helo only             | mx.example.com; spf=pass smtp.helo=example.com                                 | -
        dmarc pass alone                   | mx.example.com; dmarc=pass header.from=example.com                             | -
        none                               | mx.example.com; none                                                           | -
        no results                         | mx.example.com                                                                  | -
        unclosed comment                   | mx.example.com; dkim=pass (oops header.d=example.com                           | -
        trailing garbage after pass        | mx.example.com; dkim=pass header.d=example.com ,,,                             | -
        id inside a comment                | (mx.example.com) evil.example; dkim=pass header.d=example.com                  | -
        empty                              | ''                                                                               | -
        """)
    void vouchesOnlyForAPassOfTheFromDomainByATrustedServer(String name, String header, String expected) {
        String value = header.replace("\\r\\n\\t", "\r\n\t");
        assertThat(trusted.verify(List.of(value), "rita@example.com").orElse("-")).isEqualTo(expected);
    }

    @Test
    void anyTrustedHeaderAmongSeveralVouches() {
        assertThat(trusted.verify(List.of("evil.example; dkim=pass header.d=example.com",
                "mx.example.com; spf=pass smtp.mailfrom=example.com"), "Rita@Example.com")).isPresent();
    }

    @Test
    void aMissingFromOrNoTrustedIdsVouchesForNothing() {
        assertThat(trusted.verify(List.of("mx.example.com; dkim=pass header.d=example.com"), null)).isEmpty();
        assertThat(trusted.verify(List.of("mx.example.com; dkim=pass header.d="), "rita@")).isEmpty();
        assertThat(new SenderAuthentication(List.of()).verify(List.of("mx.example.com; dkim=pass header.d=example.com"),
                "rita@example.com")).isEmpty();
        assertThat(new SenderAuthentication(null).verify(null, "rita@example.com")).isEmpty();
    }

    @Test
    void theParserKeepsMethodsResultsAndProperties() {
        AuthenticationResults parsed = AuthenticationResults.parse("mx.example.com 1; dkim=pass header.d=example.com "
                + "header.s=s1; spf=fail smtp.mailfrom=\"a b\"@x.example; auth=pass smtp.auth=rita").orElseThrow();
        assertThat(parsed.authservId()).isEqualTo("mx.example.com");
        assertThat(parsed.results()).extracting(AuthenticationResults.Result::method).containsExactly("dkim", "spf", "auth");
        assertThat(parsed.results().get(0).properties()).isEqualTo(Map.of("header.d", "example.com", "header.s", "s1"));
        assertThat(AuthenticationResults.parse("mx.example.com; none").orElseThrow().results()).isEmpty();
    }
}
