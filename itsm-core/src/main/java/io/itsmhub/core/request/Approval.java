package io.itsmhub.core.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One approver's decision on a request, kept for the record whatever happens to the request later. */
@Entity
@Table(name = "approval")
public class Approval {

    /** CONFIRMED: the person the request is for confirmed it themselves (a password reset someone else ordered). */
    public enum Decision { APPROVED, REJECTED, CONFIRMED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(nullable = false, length = 100)
    private String approver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Decision decision;

    @Column(length = 4000)
    private String comment;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Approval() { }

    Approval(Long requestId, String approver, Decision decision, String comment, Instant decidedAt) {
        this.requestId = requestId;
        this.approver = approver;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    public String getApprover() { return approver; }
    public Decision getDecision() { return decision; }
    public String getComment() { return comment; }
    public Instant getDecidedAt() { return decidedAt; }
}
