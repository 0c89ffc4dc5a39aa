package io.itsmhub.core.journal;

import static io.itsmhub.core.journal.JournalJson.line;
import static io.itsmhub.core.journal.JournalJson.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Public comments and internal work notes: the requester reads comments and the ticket's story, never the staff's
 * work notes nor the lines of external calls (hosts, addresses, errors); staff read both, told apart.
 */
class WorkNotesApiTest extends ApiTest {

    @Autowired JournalWriter journalWriter;
    @Autowired Journal journal;
    @Autowired CatalogService catalog;

    @BeforeEach
    void catalogItem() {
        catalog.save(new CatalogItemForm("mouse", "A mouse", null, "Hardware", List.of(), false, null, true));
    }

    @Test
    void aRequesterReadsTheCommentsOfTheirIncidentButNotTheWorkNotes() throws Exception {
        String url = "/api/v1/incidents/" + body(postAs("rita", "/api/v1/incidents",
                Map.of("title", "VPN drops every hour"))).get("number").asText();

        postAs("alice", url + "/work-notes", Map.of("text", "gateway 10.0.4.17 flaps, vendor case 4711"))
                .andExpect(status().isCreated());
        postAs("alice", url + "/comments", Map.of("text", "We are looking into it")).andExpect(status().isCreated());

        JsonNode staff = body(getAs("alice", url + "/journal").andExpect(status().isOk()));
        assertThat(line(staff, "gateway 10.0.4.17 flaps, vendor case 4711").get("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(line(staff, "We are looking into it").get("visibility").asText()).isEqualTo("PUBLIC");

        JsonNode requester = body(getAs("rita", url + "/journal").andExpect(status().isOk()));
        assertThat(messages(requester)).contains("We are looking into it").noneMatch(m -> m.contains("10.0.4.17"));
        assertThat(requester.findValuesAsText("kind")).contains("CREATED", "COMMENT");
        assertThat(requester.findValuesAsText("visibility")).containsOnly("PUBLIC");

        // the requester's own comment answers with the journal as they may read it
        JsonNode afterComment = body(postAs("rita", url + "/comments", Map.of("text", "Still dropping"))
                .andExpect(status().isCreated()));
        assertThat(messages(afterComment)).contains("Still dropping").noneMatch(m -> m.contains("10.0.4.17"));
    }

    @Test
    void onlyStaffWriteWorkNotesOnEveryTicketType() throws Exception {
        String incident = "/api/v1/incidents/" + body(postAs("rita", "/api/v1/incidents",
                Map.of("title", "Laptop will not boot"))).get("number").asText();
        String request = "/api/v1/requests/" + body(postAs("rita", "/api/v1/requests",
                Map.of("catalogItem", "mouse"))).get("number").asText();
        String change = "/api/v1/changes/" + body(postAs("rob", "/api/v1/changes",
                Map.of("title", "Rotate certs", "type", "NORMAL"))).get("number").asText();
        String problem = "/api/v1/problems/" + body(postAs("alice", "/api/v1/problems",
                Map.of("title", "Flaky DNS"))).get("number").asText();

        for (String url : List.of(incident, request, change, problem)) {
            postAs("rita", url + "/work-notes", Map.of("text", "mine now")).andExpect(status().isForbidden());
        }
        postAs("alice", incident + "/work-notes", Map.of("text", "reimage it")).andExpect(status().isCreated());
        postAs("mike", request + "/work-notes", Map.of("text", "stock is low")).andExpect(status().isCreated());
        postAs("carol", change + "/work-notes", Map.of("text", "CAB on Tuesday")).andExpect(status().isCreated());
        postAs("rob", change + "/work-notes", Map.of("text", "pipeline green")).andExpect(status().isCreated());
        postAs("alice", problem + "/work-notes", Map.of("text", "resolver timeouts")).andExpect(status().isCreated());
        postAs("alice", problem + "/work-notes", Map.of("text", " ")).andExpect(status().isBadRequest());

        assertThat(line(body(getAs("carol", change + "/journal")), "CAB on Tuesday").get("visibility").asText())
                .isEqualTo("INTERNAL");
        assertThat(line(body(getAs("alice", problem + "/journal")), "resolver timeouts").get("visibility").asText())
                .isEqualTo("INTERNAL");
        for (String url : List.of(incident, request)) {
            assertThat(messages(body(getAs("rita", url + "/journal")))).doesNotContain("reimage it", "stock is low", "mine now");
        }
    }

    @Test
    void externalCallsAndTheHubsNotesAreWorkNotes() throws Exception {
        String number = body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "mouse"))).get("number").asText();
        journalWriter.externalCall(number, "ansible", "run install-postgres", "failed: ssh 10.1.2.3 refused", 812, 2);
        journalWriter.note(number, "ldap", JournalMessage.of(JournalKeys.OTP_SENT_BY_SMS, "rita"));
        postAs("mike", "/api/v1/requests/" + number + "/comments", Map.of("text", "Your mouse ships today"));

        JsonNode requester = body(getAs("rita", "/api/v1/requests/" + number + "/journal"));
        assertThat(requester.findValuesAsText("kind")).doesNotContain("EXTERNAL_CALL", "NOTE");
        assertThat(messages(requester)).contains("Your mouse ships today").noneMatch(m -> m.contains("10.1.2.3"));

        JsonNode staff = body(getAs("mike", "/api/v1/requests/" + number + "/journal"));
        assertThat(line(staff, "ansible run install-postgres: failed: ssh 10.1.2.3 refused in 812 ms (attempt 2)")
                .get("visibility").asText()).isEqualTo("INTERNAL");
        // what the hub sends to a requester reads the public lines only, whoever runs it
        assertThat(journal.publicEntries(number)).extracting(JournalEntryView::message)
                .contains("Your mouse ships today").noneMatch(m -> m != null && m.contains("10.1.2.3"));
    }
}
