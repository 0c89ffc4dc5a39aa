package io.itsmhub.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Rendering at the edge: transitions named apart from their notes, the reader's language, the stored text kept. */
class JournalRendererTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void aTransitionNamesItsActionInTheReadersLanguageAndKeepsAPersonsNoteAsWritten() {
        JournalEntryView resolved = line(JournalEntry.Kind.TRANSITION, JournalKeys.TEXT, "resolve", "cable replaced");
        assertThat(JournalRenderer.render(resolved, Locale.ENGLISH)).isEqualTo("resolve: cable replaced");
        assertThat(JournalRenderer.render(resolved, ZH)).isEqualTo("已解决：cable replaced");
        assertThat(JournalRenderer.action(resolved)).isEqualTo("resolve");
        assertThat(JournalRenderer.note(resolved, ZH)).isEqualTo("cable replaced");

        JournalEntryView started = line(JournalEntry.Kind.TRANSITION, JournalKeys.TRANSITION, "start");
        assertThat(JournalRenderer.render(started, Locale.ENGLISH)).isEqualTo("start");
        assertThat(JournalRenderer.note(started, ZH)).isNull();

        JournalEntryView approved = line(JournalEntry.Kind.TRANSITION, JournalKeys.REQUEST_NO_APPROVAL_NEEDED,
                "auto-approve", "mouse");
        assertThat(JournalRenderer.render(approved, Locale.ENGLISH)).isEqualTo("auto-approve: no approval needed for mouse");
        assertThat(JournalRenderer.note(approved, ZH)).isEqualTo("mouse 无需审批");
    }

    @Test
    void theHubsLinesReadAsTheyAlwaysDidInEnglishAndInChineseForAChineseReader() {
        JournalEntryView started = line(JournalEntry.Kind.NOTE, JournalKeys.FULFILMENT_STARTED, "vm");
        assertThat(started.message()).isEqualTo("Fulfilment started (plan vm)");
        assertThat(started.in(ZH).message()).isEqualTo("交付已开始（方案 vm）");
        JournalEntryView ci = line(JournalEntry.Kind.NOTE, JournalKeys.ALERT_CI_UNKNOWN, "[host, service]");
        assertThat(ci.message()).isEqualTo("CI unknown: no CI matches the alert's labels [host, service]");
    }

    @Test
    void englishStaysEnglishOnAServerWhoseDefaultLanguageIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(ZH);
            assertThat(line(JournalEntry.Kind.NOTE, JournalKeys.ALERT_FIRING_AGAIN).in(Locale.ENGLISH).message())
                    .isEqualTo("Alert firing again");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aLineWithoutKeyIsItsStoredText() {
        JournalEntryView old = new JournalEntryView(Instant.EPOCH, "alice", JournalEntry.Kind.TRANSITION, "status",
                "IN_PROGRESS", "RESOLVED", "resolve: fixed", JournalEntry.Visibility.PUBLIC, null, List.of());
        assertThat(old.in(ZH).message()).isEqualTo("resolve: fixed");
        assertThat(JournalRenderer.note(old, ZH)).isEqualTo("resolve: fixed");
        assertThat(JournalRenderer.action(old)).isNull();
    }

    @Test
    void theReadersLanguageIsTheFirstChineseOrEnglishTheyAccept() {
        assertThat(JournalRenderer.readerOf("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(ZH);
        assertThat(JournalRenderer.readerOf("fr-FR, zh;q=0.5, en;q=0.4")).isEqualTo(ZH);
        assertThat(JournalRenderer.readerOf("zh-TW")).isEqualTo(ZH);
        assertThat(JournalRenderer.readerOf("en-US,en;q=0.9,zh;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(JournalRenderer.readerOf("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(JournalRenderer.readerOf(null)).isEqualTo(Locale.ENGLISH);
        assertThat(JournalRenderer.readerOf("zh;q=x;;")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void longArgumentsAreCutToFitTheColumnAndMarked() {
        String annotations = "x".repeat(20_000);
        List<String> fitted = JournalArgs.fit(List.of("INC-1", annotations));
        assertThat(new JournalArgs().convertToDatabaseColumn(fitted)).hasSizeLessThanOrEqualTo(JournalArgs.MAX_JSON);
        assertThat(fitted.get(0)).isEqualTo("INC-1");
        assertThat(fitted.get(1)).startsWith("xxx").endsWith("…");
        List<String> quoted = JournalArgs.fit(new ArrayList<>(Collections.nCopies(3, "\"\n".repeat(3_000))));
        assertThat(new JournalArgs().convertToDatabaseColumn(quoted)).hasSizeLessThanOrEqualTo(JournalArgs.MAX_JSON);
    }

    private static JournalEntryView line(JournalEntry.Kind kind, String key, String... args) {
        return new JournalEntryView(Instant.EPOCH, "hub", kind, null, null, null, null,
                JournalEntry.Visibility.INTERNAL, key, List.of(args)).in(Locale.ENGLISH);
    }
}
