package io.itsmhub.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ChangeRepository extends JpaRepository<Change, Long>, JpaSpecificationExecutor<Change> {
    Optional<Change> findByNumber(String number);

    /** Scheduled release changes whose window is open at {@code now}, oldest window first. */
    @Query("select c.number from Change c where c.status = io.itsmhub.core.change.ChangeStatus.SCHEDULED"
            + " and c.pipeline is not null and c.plannedStart <= ?1 and c.plannedEnd > ?1 order by c.plannedStart")
    List<String> releasesInWindow(Instant now);
}
