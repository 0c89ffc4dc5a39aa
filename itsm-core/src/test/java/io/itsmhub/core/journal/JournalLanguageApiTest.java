package io.itsmhub.core.journal;

import static io.itsmhub.core.journal.JournalJson.line;
import static io.itsmhub.core.journal.JournalJson.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.support.ApiTest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One ticket's journal, two readers: the one whose client asks for Chinese reads the hub's lines in Chinese, the
 * other reads the English it always did; people's words read as written for both, and a line stored before message
 * keys shows its stored text to both.
 */
class JournalLanguageApiTest extends ApiTest {

    @Autowired JournalWriter journalWriter;
    @Autowired JdbcTemplate jdbc;

    @Test
    void oneIncidentsJournalReadsInChineseForOneReaderAndInEnglishForAnother() throws Exception {
        String number = body(postAs("rita", "/api/v1/incidents", Map.of("title", "VPN drops every hour")))
                .get("number").asText();
        String url = "/api/v1/incidents/" + number;
        postAs("alice", url + "/start", null).andExpect(status().isOk());
        postAs("alice", url + "/hold", Map.of("reason", "waiting for the vendor")).andExpect(status().isOk());
        postAs("alice", url + "/comments", Map.of("text", "We are on it, don't worry {0}")).andExpect(status().isCreated());
        journalWriter.externalCall(number, "alertmanager", "create-silence", "silence s-42 until 2026-12-08T10:00:00Z", 12, 1);

        JsonNode chinese = journal("alice", url, "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(messages(chinese)).contains("开始处理", "挂起：waiting for the vendor",
                "We are on it, don't worry {0}",
                "alertmanager create-silence：silence s-42 until 2026-12-08T10:00:00Z，耗时 12 毫秒（第 1 次尝试）");
        assertThat(messages(chinese).get(0)).contains("事件 " + number).endsWith("：VPN drops every hour");

        JsonNode english = journal("mike", url, null);
        assertThat(messages(english)).contains("start", "hold: waiting for the vendor", "We are on it, don't worry {0}",
                "alertmanager create-silence: silence s-42 until 2026-12-08T10:00:00Z in 12 ms (attempt 1)");
        assertThat(messages(english).get(0)).contains(number).endsWith(": VPN drops every hour");
        assertThat(messages(journal("alice", url, "en-US,en;q=0.9"))).isEqualTo(messages(english));

        // what is stored, for a client that renders itself: the key and the arguments, the action first
        JsonNode hold = line(english, "hold: waiting for the vendor");
        assertThat(hold.get("messageKey").asText()).isEqualTo(JournalKeys.TEXT);
        assertThat(texts(hold.get("args"))).containsExactly("hold", "waiting for the vendor");
        JsonNode call = line(english, "alertmanager create-silence: silence s-42 until 2026-12-08T10:00:00Z in 12 ms (attempt 1)");
        assertThat(call.get("messageKey").asText()).isEqualTo(JournalKeys.EXTERNAL_CALL);
        assertThat(texts(call.get("args"))).containsExactly("alertmanager", "create-silence",
                "silence s-42 until 2026-12-08T10:00:00Z", "12", "1");

        // the requester's own view (public lines only) follows their language as well
        assertThat(messages(journal("rita", url, "zh-CN"))).contains("挂起：waiting for the vendor")
                .noneMatch(m -> m.contains("alertmanager"));
    }

    @Test
    void aLineStoredBeforeMessageKeysShowsItsStoredTextInEveryLanguage() throws Exception {
        String number = body(postAs("rita", "/api/v1/incidents", Map.of("title", "Printer jams"))).get("number").asText();
        jdbc.update("""
                INSERT INTO journal_entry (ticket_number, at, actor, kind, field, old_value, new_value, message, visibility)
                VALUES (?, ?, 'alice', 'TRANSITION', 'status', 'IN_PROGRESS', 'RESOLVED', 'resolve: new drum fitted', 'PUBLIC')""",
                number, Timestamp.from(clock.instant()));
        String url = "/api/v1/incidents/" + number;

        for (String language : new String[] {"zh-CN", "en", null}) {
            JsonNode old = line(journal("alice", url, language), "resolve: new drum fitted");
            assertThat(old.path("messageKey").isNull() || old.path("messageKey").isMissingNode()).as(language).isTrue();
            assertThat(old.get("args")).as(language).isEmpty();
        }
    }

    private JsonNode journal(String user, String url, String language) throws Exception {
        var request = get(url + "/journal").with(httpBasic(user, PASSWORD));
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return body(mvc.perform(request).andExpect(status().isOk()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }
}
