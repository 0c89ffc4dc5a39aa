package io.itsmhub.core.problem;

import io.itsmhub.core.common.Priority;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.TicketBase;
import io.itsmhub.core.ticket.TicketNumbers;
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
public class Problem extends TicketBase implements Stateful<ProblemStatus> {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProblemStatus status = ProblemStatus.NEW;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Priority priority;

    @Column(name = "assignment_group", length = 100)
    private String assignmentGroup;

    @Column(length = 100)
    private String assignee;

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

    public Long getId() { return id; }
    @Override
    public ProblemStatus getStatus() { return status; }
    public Priority getPriority() { return priority; }
    public String getAssignmentGroup() { return assignmentGroup; }
    public String getAssignee() { return assignee; }
    public String getRootCause() { return rootCause; }
    public boolean isKnownError() { return knownError; }
    public String getWorkaround() { return workaround; }
    public Set<String> getIncidents() { return incidents; }

    @Override
    public void setStatus(ProblemStatus status) { this.status = status; }
    void setAssignmentGroup(String assignmentGroup) { this.assignmentGroup = assignmentGroup; }
    void setAssignee(String assignee) { this.assignee = assignee; }
    void setRootCause(String rootCause) { this.rootCause = rootCause; }
    void recordKnownError(String rootCause, String workaround) {
        this.rootCause = rootCause;
        this.workaround = workaround;
        this.knownError = true;
    }
}
