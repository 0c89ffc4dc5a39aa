package io.itsmhub.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Planning: a ticket event, the configured rules, recipients resolved per channel, each in its reader's language. */
class NotificationsApiTest extends ApiTest {

    @Autowired Notifications notifications;
    @Autowired OutboxConsumer outbox;

    @Test
    void aP1IncidentIsPlannedForEveryRecipientAndChannelOnceInTheirLanguage() throws Exception {
        String group = "oncall-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        people.saveGroup(group, "on call", null);
        people.save(new PersonForm("pat", "Pat", "pat@example.com", "+86 138 0013 8000", "mike", PASSWORD,
                Set.of(Role.AGENT), Set.of(group)));
        people.setLanguage("pat", "zh-CN");
        people.save(new PersonForm("quinn", "Quinn", "quinn@example.com", null, "mike", PASSWORD,
                Set.of(Role.AGENT), Set.of(group)));
        String number = create(Map.of("title", "Payments down", "impact", "HIGH", "urgency", "HIGH",
                "assignmentGroup", group, "assignee", "pat"));

        assertThat(notifications.plan(event(number, "IncidentCreated"))).isEqualTo(5);
        List<JsonNode> planned = planned(number);
        assertThat(planned).extracting(n -> n.get("channel").asText() + " " + n.get("address").asText())
                .as("the assignee once, the group's members, the fixed address, the P1 SMS, the war room")
                .containsExactlyInAnyOrder("email pat@example.com", "email quinn@example.com",
                        "email noc@example.com", "sms +86 138 0013 8000", "dingtalk dingtalk");
        JsonNode toPat = planned.stream().filter(n -> n.get("address").asText().equals("pat@example.com")).findFirst().orElseThrow();
        assertThat(toPat.get("subject").asText()).isEqualTo("[" + number + "] P1 事件：Payments down");
        assertThat(toPat.get("html").asText()).contains("<a href=\"http://localhost:8080/t/" + number + "\">");
        JsonNode toQuinn = planned.stream().filter(n -> n.get("address").asText().equals("quinn@example.com")).findFirst().orElseThrow();
        assertThat(toQuinn.get("subject").asText()).isEqualTo("[" + number + "] P1 incident: Payments down");
        assertThat(toQuinn.get("text").asText()).contains("What to do:").endsWith("/t/" + number);
        JsonNode chat = planned.stream().filter(n -> n.get("channel").asText().equals("dingtalk")).findFirst().orElseThrow();
        assertThat(chat.get("event").asText()).isEqualTo("major-incident");
        assertThat(chat.get("text").asText()).startsWith("Major incident " + number).contains("War room");
    }

    @Test
    void aLowPriorityIncidentTellsNobodyAndAnApprovalGoesToTheRequestersManager() throws Exception {
        String number = create(Map.of("title", "Printer jam", "assignmentGroup", "service-desk"));
        assertThat(notifications.plan(event(number, "IncidentCreated"))).isZero();
        assertThat(planned(number)).isEmpty();
    }

    @Test
    void aPublicCommentIsMailedToTheRequesterAndAWorkNoteToNobody() throws Exception {
        String number = body(postAs("rita", "/api/v1/incidents", Map.of("title", "VPN drops"))
                .andExpect(status().isCreated())).get("number").asText();
        postAs("alice", "/api/v1/incidents/" + number + "/assign", Map.of("assignmentGroup", "service-desk",
                "assignee", "alice")).andExpect(status().isOk());
        postAs("alice", "/api/v1/incidents/" + number + "/work-notes", Map.of("text", "gateway 10.0.4.17 flaps"))
                .andExpect(status().isCreated());
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).doesNotContain("CommentAdded");

        postAs("alice", "/api/v1/incidents/" + number + "/comments", Map.of("text", "A fix is on its way"))
                .andExpect(status().isCreated());
        assertThat(notifications.plan(event(number, "CommentAdded"))).isEqualTo(1);
        List<JsonNode> planned = planned(number);
        assertThat(planned).extracting(n -> n.get("address").asText())
                .as("the requester; not alice, who wrote it").containsExactly("rita@example.com");
        assertThat(planned.get(0).get("subject").asText()).isEqualTo("[" + number + "] New comment: VPN drops");
        assertThat(planned.get(0).get("text").asText()).contains("A fix is on its way").doesNotContain("10.0.4.17");
    }

    private OutboxEvent event(String number, String type) {
        return outbox.forTicket(number).stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    private List<JsonNode> planned(String number) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (OutboxEvent e : outbox.forTicket(number)) {
            if (e.type().equals("NotificationRequested")) {
                out.add(json.readTree(e.payload()));
            }
        }
        return out;
    }

    private String create(Map<String, Object> form) throws Exception {
        return body(postAs("alice", "/api/v1/incidents", form).andExpect(status().isCreated())).get("number").asText();
    }
}
