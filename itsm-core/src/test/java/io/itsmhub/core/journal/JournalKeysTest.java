package io.itsmhub.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the hub writes has its words in both languages. The bundles are read as files, not through
 * ResourceBundle, which would quietly fall back from a missing Chinese text to the English one.
 */
class JournalKeysTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A key named by a literal instead of a JournalKeys constant: the bundle check would not see it. */
    private static final Pattern LITERAL_KEY = Pattern.compile("(JournalMessage\\.of|new JournalMessage)\\(\\s*\"");

    private final Properties english = bundle("journal/messages.properties");
    private final Properties chinese = bundle("journal/messages_zh_CN.properties");

    @Test
    void everyKeyHasAnEnglishAndAChineseText() {
        List<String> missing = new ArrayList<>();
        for (String key : keys()) {
            if (blank(english.getProperty(key))) {
                missing.add(key + " (English)");
            }
            if (blank(chinese.getProperty(key))) {
                missing.add(key + " (简体中文)");
            }
        }
        assertThat(missing).as("keys of JournalKeys without a text").isEmpty();
    }

    @Test
    void theChineseTextIsATranslationWithTheSameArguments() {
        for (String key : keys()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(en));
            boolean hasWords = PLACEHOLDER.matcher(en).replaceAll("").chars().anyMatch(Character::isLetter);
            if (hasWords) {
                assertThat(CJK.matcher(zh).find()).as("%s is not translated: %s", key, zh).isTrue();
            }
        }
    }

    @Test
    void theBundlesHoldNoKeyTheCodeDoesNotKnowAndEveryActionInBothLanguages() {
        Set<String> known = new TreeSet<>(keys());
        assertThat(names(english)).filteredOn(k -> !k.startsWith("action.")).isSubsetOf(known);
        assertThat(names(chinese)).isEqualTo(names(english));
    }

    @Test
    void aLiteralApostropheIsDoubledSoThatMessageFormatDoesNotSwallowTheText() {
        for (Properties bundle : List.of(english, chinese)) {
            for (String key : names(bundle)) {
                assertThat(bundle.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }

    @Test
    void noCodeNamesAKeyByALiteral() throws IOException {
        List<String> offenders = new ArrayList<>();
        // the core's sources, and the hub's routes next to it when the whole project is checked out
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../routes/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                    if (m.find()) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertThat(offenders).as("JournalMessage built with a literal key instead of a JournalKeys constant").isEmpty();
    }

    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Field field : JournalKeys.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        keys.addAll(JournalKeys.LINK_KEYS);
        assertThat(keys).as("JournalKeys' constants").hasSizeGreaterThan(50).doesNotHaveDuplicates();
        return keys;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> names(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Properties bundle(String resource) {
        try (InputStream in = JournalKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
