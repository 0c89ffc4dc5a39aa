package io.itsmhub.core.request.oa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A decision received from the OA system, kept by nonce so that the same callback is taken only once. */
@Entity
@Table(name = "oa_callback")
class OaCallback {

    @Id
    @Column(length = 200)
    private String nonce;

    @Column(name = "approval_id", nullable = false, length = 100)
    private String approvalId;

    @Column(name = "decided_by", nullable = false, length = 100)
    private String decidedBy;

    @Column(nullable = false, length = 20)
    private String decision;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected OaCallback() { }

    OaCallback(String nonce, String approvalId, String decidedBy, String decision, Instant receivedAt) {
        this.nonce = nonce;
        this.approvalId = approvalId;
        this.decidedBy = decidedBy;
        this.decision = decision;
        this.receivedAt = receivedAt;
    }
}
