package io.itsmhub.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatTextTest {

    /** Every prefix length shifts where the limit falls inside a 3- or 4-byte character. */
    @ParameterizedTest(name = "{0} ASCII bytes first")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void truncatesUtf8OnACharacterBoundary(int asciiPrefix) throws CharacterCodingException {
        String text = "a".repeat(asciiPrefix) + "中文😀".repeat(50);

        String cut = ChatText.truncateUtf8(text, 100);

        byte[] bytes = cut.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(100);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        assertThat(cut).endsWith("…");
        String kept = cut.substring(0, cut.length() - 1);
        assertThat(text).startsWith(kept);
        int next = text.codePointAt(kept.length());
        assertThat(bytes.length + new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length)
                .as("nothing more would have fit").isGreaterThan(100);
    }

    @Test
    void leavesShortTextAlone() {
        assertThat(ChatText.truncateUtf8("中文", 6)).isEqualTo("中文");
        assertThat(ChatText.truncateChars("abc", 3)).isEqualTo("abc");
    }

    @Test
    void truncatesCharsWithoutSplittingASurrogatePair() {
        assertThat(ChatText.truncateChars("ab😀cd", 4)).isEqualTo("ab…");
        assertThat(ChatText.truncateChars("abc😀d", 5)).isEqualTo("abc…");
    }

    @Test
    void encodesParenthesesInMarkdownLinks() {
        assertThat(ChatText.markdownLink(URI.create("https://wiki.example/Disk_(full)")))
                .isEqualTo("[Details](https://wiki.example/Disk_%28full%29)");
    }
}
