package io.itsmhub.core.fulfilment;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a request's automated fulfilment stands. */
@Entity
@Table(name = "fulfilment")
class Fulfilment {

    enum State { RUNNING, HELD, COMPENSATING, DONE, CANCELLED }

    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() { };

    @Id
    @Column(name = "request_number", length = 20)
    private String requestNumber;

    @Column(nullable = false, length = 50)
    private String plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Step step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state = State.RUNNING;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false, length = 100000)
    private String data = "{}";

    @Column(length = 4000)
    private String error;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected Fulfilment() { }

    Fulfilment(String requestNumber, String plan, Step first, Instant now) {
        this.requestNumber = requestNumber;
        this.plan = plan;
        this.step = first;
        this.startedAt = now;
        this.updatedAt = now;
    }

    String getRequestNumber() { return requestNumber; }
    String getPlan() { return plan; }
    Step getStep() { return step; }
    State getState() { return state; }
    Instant getLeaseUntil() { return leaseUntil; }
    int getAttempts() { return attempts; }
    Map<String, Object> getData() { return JsonColumn.read(data, DATA); }
    String getError() { return error; }
    Instant getStartedAt() { return startedAt; }
    Instant getUpdatedAt() { return updatedAt; }

    void lease(Instant until, Instant now) {
        leaseUntil = until;
        attempts++;
        updatedAt = now;
    }

    void done(Step next, Map<String, Object> produced, Instant now) {
        Map<String, Object> merged = getData();
        merged.putAll(produced);
        data = JsonColumn.write(merged);
        if (next == null) {
            state = State.DONE;
        } else {
            step = next;
        }
        leaseUntil = null;
        attempts = 0;
        error = null;
        updatedAt = now;
    }

    void held(String why, Instant now) {
        state = State.HELD;
        error = why == null || why.length() <= 4000 ? why : why.substring(0, 3997) + "...";
        leaseUntil = null;
        updatedAt = now;
    }

    void resume(Instant now) {
        state = State.RUNNING;
        leaseUntil = null;
        attempts = 0;
        updatedAt = now;
    }

    void compensate(Instant now) {
        state = State.COMPENSATING;
        step = Step.COMPENSATE;
        leaseUntil = null;
        updatedAt = now;
    }

    void cancelled(Instant now) {
        state = State.CANCELLED;
        leaseUntil = null;
        updatedAt = now;
    }

}
