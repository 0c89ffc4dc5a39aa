package io.itsmhub.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackMrkdwnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
            "a < b && c > d => a &lt; b &amp;&amp; c &gt; d",
            "**bold** and __bold__ => *bold* and *bold*",
            "*italic* and _italic_ => _italic_ and _italic_",
            "* item with *stress* => * item with _stress_",
            "~~gone~~ => ~gone~",
            "# Heading ## => *Heading*",
            "### **Bold** heading => *Bold heading*",
            "see [the runbook](https://w.example/r?a=1&b=2) => see <https://w.example/r?a=1&amp;b=2|the runbook>",
            "2 * 3 * 4 => 2 * 3 * 4",
            "snake_case_name => snake_case_name"})
    void convertsCommonMarkdown(String markdown, String mrkdwn) {
        assertThat(SlackMrkdwn.fromMarkdown(markdown)).isEqualTo(mrkdwn);
    }
}
