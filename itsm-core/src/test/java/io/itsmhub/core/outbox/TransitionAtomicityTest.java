package io.itsmhub.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A transition and its outbox event commit together or not at all. */
class TransitionAtomicityTest extends ApiTest {

    @MockitoSpyBean Outbox outbox;
    @Autowired OutboxConsumer consumer;
    @Autowired IncidentService incidents;

    @AfterEach
    void healOutbox() {
        doCallRealMethod().when(outbox).publish(any(), any());
    }

    @Test
    void whenPublishingTheEventFailsTheTransitionIsRolledBack() throws Exception {
        String number = create();
        int journalBefore = incidents.journal(number).size();
        doThrow(new IllegalStateException("outbox unavailable")).when(outbox).publish(eq(number), any());

        postAs("alice", "/api/v1/incidents/" + number + "/resolve", Map.of("resolutionCode", "fixed"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("The hub could not complete the call; nothing was changed."));

        healOutbox();
        getAs("alice", "/api/v1/incidents/" + number).andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.resolutionCode").doesNotExist());
        assertThat(incidents.journal(number)).hasSize(journalBefore);
        assertThat(consumer.forTicket(number)).extracting(OutboxEvent::type).containsExactly("IncidentCreated");
    }

    @Test
    void whenTheTransactionFailsAfterTheEventWasWrittenTheEventIsRolledBackToo() throws Exception {
        String number = create();
        doAnswer(call -> {
            call.callRealMethod(); // the event row is written …
            throw new IllegalStateException("crash before commit"); // … and then the transaction fails
        }).when(outbox).publish(eq(number), any());

        postAs("alice", "/api/v1/incidents/" + number + "/start", null).andExpect(status().isInternalServerError());

        healOutbox();
        getAs("alice", "/api/v1/incidents/" + number).andExpect(jsonPath("$.status").value("NEW"));
        assertThat(consumer.forTicket(number)).extracting(OutboxEvent::type).containsExactly("IncidentCreated");
    }

    private String create() throws Exception {
        return body(postAs("alice", "/api/v1/incidents", Map.of("title", "Atomic?")).andExpect(status().isCreated()))
                .get("number").asText();
    }
}
