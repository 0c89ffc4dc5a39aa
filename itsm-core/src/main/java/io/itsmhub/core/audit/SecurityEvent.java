package io.itsmhub.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something an administrator should know about accounts: a directory name clash, a throttled login. */
@Entity
@Table(name = "security_event")
class SecurityEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(length = 100)
    private String username;

    @Column(length = 64)
    private String address;

    @Column(nullable = false, length = 1000)
    private String detail;

    protected SecurityEvent() { }

    SecurityEvent(Instant occurredAt, String kind, String username, String address, String detail) {
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.username = SecurityEvents.clip(username, 100);
        this.address = SecurityEvents.clip(address, 64);
        this.detail = SecurityEvents.clip(detail, 1000);
    }

    SecurityEvents.View view() {
        return new SecurityEvents.View(id, occurredAt, kind, username, address, detail);
    }
}
