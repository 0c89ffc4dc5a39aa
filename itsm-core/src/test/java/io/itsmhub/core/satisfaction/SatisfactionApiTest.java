package io.itsmhub.core.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.security.RunAs;
import io.itsmhub.core.support.ApiTest;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A requester rates their resolved incident or fulfilled request once, 1 to 5; nobody rates for them. */
class SatisfactionApiTest extends ApiTest {

    @Autowired SatisfactionService satisfaction;
    @Autowired IncidentService incidents;
    @Autowired RequestService requests;
    @Autowired CatalogService catalog;
    @Autowired OutboxConsumer outbox;

    @BeforeEach
    void catalogItem() {
        catalog.save(new CatalogItemForm("rated-headset", "A headset", null, "Hardware", List.of(), false, "platform", true));
    }

    @Test
    void theCallerRatesTheirResolvedIncidentAndTheJournalAndOutboxTellIt() throws Exception {
        String number = resolvedIncidentOf("rita");

        JsonNode rated = body(postAs("rita", "/api/v1/ratings", Map.of("ticket", number, "score", 4, "comment", "  quick fix "))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/ratings/" + number)));
        assertThat(rated.get("ticket").asText()).isEqualTo(number);
        assertThat(rated.get("score").asInt()).isEqualTo(4);
        assertThat(rated.get("comment").asText()).isEqualTo("quick fix");
        assertThat(rated.get("rater").asText()).isEqualTo("rita");
        assertThat(rated.get("ratedAt").asText()).isEqualTo(clock.instant().toString());

        getAs("rita", "/api/v1/ratings/" + number).andExpect(status().isOk()).andExpect(jsonPath("$.score").value(4));
        getAs("alice", "/api/v1/ratings/" + number).andExpect(status().isOk()).andExpect(jsonPath("$.rater").value("rita"));
        assertThat(incidents.journal(number)).extracting(JournalEntryView::message).contains("rated 4/5: quick fix");
        List<OutboxEvent> events = outbox.forTicket(number);
        OutboxEvent event = events.get(events.size() - 1);
        assertThat(event.type()).isEqualTo("TicketRated");
        assertThat(json.readTree(event.payload())).isEqualTo(json.readTree(
                "{\"number\":\"" + number + "\",\"score\":4,\"rater\":\"rita\"}"));
    }

    @Test
    void theRequesterRatesTheirFulfilledRequestThroughTheService() {
        String number = fulfilledRequestOf("rick");

        RatingView rating = as("rick", () -> satisfaction.rate(number, 5, null));

        assertThat(rating).isEqualTo(new RatingView(number, 5, null, "rick", clock.instant()));
        assertThat(as("rick", () -> satisfaction.ratingOf(number))).contains(rating);
        assertThat(as("rick", () -> requests.journal(number))).extracting(JournalEntryView::message).contains("rated 5/5");
    }

    @Test
    void onlyTheTicketsOwnCallerOrRequesterRatesIt() throws Exception {
        String incident = resolvedIncidentOf("rita");
        String request = fulfilledRequestOf("rita");

        postAs("rick", "/api/v1/ratings", Map.of("ticket", incident, "score", 1))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        postAs("alice", "/api/v1/ratings", Map.of("ticket", incident, "score", 5))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("only rita, whom " + incident + " was for, rates it"));
        mvc.perform(post("/api/v1/ratings").with(httpBasic("admin", "admin-test-pw"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("ticket", request, "score", 5))))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThatThrownBy(() -> as("mike", () -> satisfaction.rate(request, 3, "on rita's behalf")))
                .isInstanceOf(ForbiddenActionException.class);

        assertThat(satisfaction.ratingOf(incident)).isEmpty();
        assertThat(satisfaction.ratingOf(request)).isEmpty();
        getAs("alice", "/api/v1/ratings/" + incident).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }

    @Test
    void aTicketIsRatedOnlyOnceItIsResolved() throws Exception {
        String number = body(postAs("rita", "/api/v1/incidents", Map.of("title", "VPN drops")).andExpect(status().isCreated()))
                .get("number").asText();
        postAs("rita", "/api/v1/ratings", Map.of("ticket", number, "score", 2))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Not resolved yet"))
                .andExpect(jsonPath("$.detail").value(number + " is NEW; it can be rated once it is RESOLVED or CLOSED"));

        String request = body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "rated-headset"))
                .andExpect(status().isCreated())).get("number").asText();
        assertThatThrownBy(() -> as("rita", () -> satisfaction.rate(request, 3, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessage(request + " is APPROVED; it can be rated once it is FULFILLED");
        assertThat(satisfaction.ratingOf(number)).isEmpty();
    }

    @Test
    void aSecondRatingAnswers409AndKeepsTheFirst() throws Exception {
        String number = resolvedIncidentOf("rita");
        RatingView first = as("rita", () -> satisfaction.rate(number, 3, "ok"));
        clock.advance(java.time.Duration.ofMinutes(5));

        postAs("rita", "/api/v1/ratings", Map.of("ticket", number, "score", 5, "comment", "changed my mind"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Already rated"))
                .andExpect(jsonPath("$.detail").value("%s was already rated 3/5 by rita at %s; a ticket is rated once"
                        .formatted(number, first.ratedAt())));

        assertThat(satisfaction.ratingOf(number)).contains(first);
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).containsOnlyOnce("TicketRated");
    }

    @Test
    void badInputAnswers400ProblemJsonNamingTheField() throws Exception {
        String number = resolvedIncidentOf("rita");

        for (int score : new int[] {0, 6, -1}) {
            postAs("rita", "/api/v1/ratings", Map.of("ticket", number, "score", score))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.title").value("Invalid input"))
                    .andExpect(jsonPath("$.errors[0].field").value("score"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be from 1 to 5, not " + score));
        }
        postAs("rita", "/api/v1/ratings", Map.of("ticket", number))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("score"));
        postAs("rita", "/api/v1/ratings", Map.of("ticket", number, "score", "five"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("score"));
        postAs("rita", "/api/v1/ratings", Map.of("ticket", number, "score", 4, "comment", "x".repeat(2001)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        postAs("rita", "/api/v1/ratings", Map.of("ticket", "CHG-000001", "score", 4))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ticket"));
        Map<String, Object> unknownField = new HashMap<>(Map.of("ticket", number, "score", 4));
        unknownField.put("stars", 4);
        postAs("rita", "/api/v1/ratings", unknownField)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stars"));
        postAs("rita", "/api/v1/ratings", Map.of("ticket", "INC-999999", "score", 4)).andExpect(status().isNotFound());
        assertThatThrownBy(() -> as("rita", () -> satisfaction.rate(number, 9, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("score"));

        assertThat(satisfaction.ratingOf(number)).as("nothing half-written").isEmpty();
        assertThat(incidents.journal(number)).extracting(JournalEntryView::message).noneMatch(m -> m != null && m.startsWith("rated"));
    }

    private String resolvedIncidentOf(String caller) throws Exception {
        String number = body(postAs(caller, "/api/v1/incidents", Map.of("title", "Laptop will not boot"))
                .andExpect(status().isCreated())).get("number").asText();
        postAs("alice", "/api/v1/incidents/" + number + "/resolve", Map.of("resolutionCode", "fixed"))
                .andExpect(status().isOk());
        return number;
    }

    private String fulfilledRequestOf(String requester) {
        String number = as(requester, () -> requests.submit(new io.itsmhub.core.request.RequestForm("rated-headset", null, null, null)))
                .number();
        as("alice", () -> requests.startFulfilment(number));
        as("alice", () -> requests.fulfil(number, "on your desk"));
        return number;
    }

    private <T> T as(String user, Supplier<T> work) {
        return RunAs.person(people.find(user).orElseThrow(), work);
    }
}
