package io.itsmhub.core.problem;

import io.itsmhub.core.common.Priority;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.Ticket;
import io.itsmhub.core.common.TicketNumbers;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "problem")
public class Problem extends Ticket implements Stateful<ProblemStatus> {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProblemStatus status = ProblemStatus.NEW;

    @Column(name = "root_cause", length = 10000)
    private String rootCause;

    @Column(name = "known_error", nullable = false)
    private boolean knownError;

    @Column(length = 10000)
    private String workaround;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "problem_incident", joinColumns = @JoinColumn(name = "problem_id"))
    @Column(name = "incident_number", length = 20)
    private Set<String> incidents = new LinkedHashSet<>();

    protected Problem() { }

    Problem(long id, String title, Priority priority, Instant now) {
        this.id = id;
        this.title = title;
        this.priority = priority;
        created(TicketNumbers.format("PRB", id), now);
    }

    @Override
    public String ticketType() { return "problem"; }

    /** Comments on a problem are for the people working it; nobody is mailed them. */
    @Override
    public boolean tellsRequesterOfComments() { return false; }

    @Override
    public boolean isOpen() { return status == ProblemStatus.NEW || status == ProblemStatus.INVESTIGATING; }

    @Override
    public String raisedBy() { return null; }

    public Long getId() { return id; }
    @Override
    public ProblemStatus getStatus() { return status; }
    public String getRootCause() { return rootCause; }
    public boolean isKnownError() { return knownError; }
    public String getWorkaround() { return workaround; }
    public Set<String> getIncidents() { return incidents; }

    @Override
    public void setStatus(ProblemStatus status) { this.status = status; }
    void setRootCause(String rootCause) { this.rootCause = rootCause; }
    void recordKnownError(String rootCause, String workaround) {
        this.rootCause = rootCause;
        this.workaround = workaround;
        this.knownError = true;
    }
}
