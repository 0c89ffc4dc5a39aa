package io.itsmhub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void everyLinkButTheHubsOwnIsDefanged() {
        String hub = "https://itsm.example/t/INC-000042";
        assertThat(PlainText.withoutLinks("Reset at http://evil.example/x or www.evil.example, then " + hub, hub))
                .isEqualTo("Reset at http[:]//evil.example/x or www[.]evil.example, then " + hub);
        assertThat(PlainText.withoutLinks("HTTPS://Evil.example and ftp://x", null))
                .isEqualTo("HTTPS[:]//Evil.example and ftp[:]//x");
        assertThat(PlainText.withoutLinks("at 10:02, ratio 3:1", hub)).isEqualTo("at 10:02, ratio 3:1");
    }
}
