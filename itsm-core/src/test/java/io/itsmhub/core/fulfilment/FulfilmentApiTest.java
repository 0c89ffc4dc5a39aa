package io.itsmhub.core.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.support.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The fulfilment record: steps claimed under a lease, done in order, held on failure, retried or compensated. */
class FulfilmentApiTest extends ApiTest {

    @Autowired FulfilmentService fulfilments;
    @Autowired CatalogService catalog;
    @Autowired RequestService requests;
    @Autowired OutboxConsumer outbox;

    @BeforeEach
    void vmItem() {
        FormField count = new FormField("count", "VMs", FormField.Type.NUMBER, true, BigDecimal.ONE, BigDecimal.TEN, null);
        catalog.save(new CatalogItemForm("auto-vm", "VM", null, "Compute", List.of(count), false, "platform", true,
                null, "vm", null, 4));
    }

    @Test
    void anApprovedOrderRunsItsStepsInOrderUnderALeaseAndClosesItself() throws Exception {
        String number = order();
        assertThat(fulfilments.start(number)).isTrue();
        assertThat(fulfilments.start(number)).as("a second start changes nothing").isFalse();
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.IN_FULFILMENT);

        StepOrder first = claim(number).orElseThrow();
        assertThat(first.step()).isEqualTo(Step.CREATE_VMS);
        assertThat(claim(number)).as("leased: not handed out twice").isEmpty();
        fulfilments.progress(number, "Kubernetes: creating VM 1/1", Duration.ofMinutes(1));
        getAs("rita", "/api/v1/requests/" + number).andExpect(jsonPath("$.executor").value("Kubernetes: creating VM 1/1"));
        fulfilments.done(number, Step.CREATE_VMS, Map.of("vms", List.of("req-1")), "created");

        for (Step step : List.of(Step.AWAIT_VMS, Step.CONFIGURE, Step.REGISTER, Step.CLOSE)) {
            StepOrder next = claim(number).orElseThrow();
            assertThat(next.step()).isEqualTo(step);
            assertThat(next.data()).containsKey("vms");
            fulfilments.done(number, step, Map.of(), step == Step.CLOSE ? "Your VMs are ready: req-1 (10.0.0.1)" : null);
        }
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(requests.get(number).closeNote()).contains("10.0.0.1");
        getAs("rita", "/api/v1/requests/" + number + "/fulfilment").andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.steps[4].status").value("done"));
    }

    @Test
    void aFailedStepHoldsTheRequestAndAnAgentRetriesOrCancelsWithCompensation() throws Exception {
        String number = order();
        fulfilments.start(number);
        claim(number);
        fulfilments.done(number, Step.CREATE_VMS, Map.of("vms", List.of("req-9")), "created");
        claim(number);
        fulfilments.failed(number, Step.AWAIT_VMS, "ErrorUnschedulable: insufficient memory");
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.ON_HOLD);
        assertThat(outbox.forTicket(number)).extracting(OutboxEvent::type).contains("FulfilmentFailed");
        getAs("rita", "/api/v1/requests/" + number + "/fulfilment").andExpect(jsonPath("$.steps[1].status").value("failed"))
                .andExpect(jsonPath("$.error").value("AWAIT_VMS: ErrorUnschedulable: insufficient memory"));
        assertThat(claim(number)).as("nothing runs while on hold").isEmpty();

        postAs("rita", "/api/v1/requests/" + number + "/fulfilment/retry", null).andExpect(status().isForbidden());
        postAs("alice", "/api/v1/requests/" + number + "/fulfilment/retry", null).andExpect(status().isOk());
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        assertThat(claim(number).orElseThrow().step()).isEqualTo(Step.AWAIT_VMS);
        fulfilments.failed(number, Step.AWAIT_VMS, "still no memory");

        postAs("alice", "/api/v1/requests/" + number + "/fulfilment/cancel", Map.of("reason", "no capacity this month")).andExpect(status().isOk());
        StepOrder undo = claim(number).orElseThrow();
        assertThat(undo.step()).isEqualTo(Step.COMPENSATE);
        fulfilments.done(number, Step.COMPENSATE, Map.of(), "deleted req-9");
        assertThat(requests.get(number).status()).isEqualTo(RequestStatus.CANCELLED);
    }

    /** Claims until this test's request comes up (other tests' fulfilments may be due in the shared database). */
    private Optional<StepOrder> claim(String number) {
        for (int i = 0; i < 20; i++) {
            Optional<StepOrder> order = fulfilments.claimNext(Duration.ofMinutes(5));
            if (order.isEmpty()) {
                return order;
            }
            if (order.get().request().equals(number)) {
                return order;
            }
        }
        return Optional.empty();
    }

    private String order() throws Exception {
        return body(postAs("rita", "/api/v1/requests", Map.of("catalogItem", "auto-vm", "values", Map.of("count", 1)))
                .andExpect(status().isCreated())).get("number").asText();
    }
}
