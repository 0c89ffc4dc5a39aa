package io.itsmhub.core.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

    Optional<Incident> findByNumber(String number);

    /** Flags open incidents whose resolution, or unanswered response, is overdue. */
    /** Open incidents that just missed a target: resolution overdue, or not responded to in time. */
    @Query("""
            select i from Incident i
            where i.slaBreached = false and i.status in :open
              and (i.resolutionDue < :now or (i.respondedAt is null and i.responseDue < :now))""")
    java.util.List<Incident> newlyBreached(Collection<IncidentStatus> open, Instant now);
}
