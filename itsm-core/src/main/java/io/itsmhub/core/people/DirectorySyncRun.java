package io.itsmhub.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One directory sync and what it did. */
@Entity
@Table(name = "directory_sync")
class DirectorySyncRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trigger_by", nullable = false, length = 100)
    private String triggerBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private int added;
    private int updated;
    private int deactivated;
    private int groups;

    @Column(length = 10000)
    private String errors;

    protected DirectorySyncRun() { }

    DirectorySyncRun(String triggerBy, Instant startedAt) {
        this.triggerBy = triggerBy;
        this.startedAt = startedAt;
    }

    void finish(DirectorySyncReport report, Instant now) {
        this.added = report.added();
        this.updated = report.updated();
        this.deactivated = report.deactivated();
        this.groups = report.groups();
        String text = String.join("\n", report.errors());
        this.errors = text.isEmpty() ? null : text.length() > 10000 ? text.substring(0, 9997) + "..." : text;
        this.finishedAt = now;
    }

    DirectorySyncReport report() {
        return new DirectorySyncReport(id, triggerBy, startedAt, finishedAt, added, updated, deactivated, groups,
                errors == null ? java.util.List.of() : java.util.List.of(errors.split("\n")));
    }
}
