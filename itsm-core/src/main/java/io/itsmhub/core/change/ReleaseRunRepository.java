package io.itsmhub.core.change;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReleaseRunRepository extends JpaRepository<ReleaseRun, Long> {

    List<ReleaseRun> findByChangeNumberOrderByIdAsc(String changeNumber);

    Optional<ReleaseRun> findByChangeNumberAndKind(String changeNumber, RunKind kind);

    List<ReleaseRun> findByStateIn(Collection<RunState> states);

    /** Deployments running, or finished since {@code since}: the ones whose watch is on. */
    @Query("select r from ReleaseRun r where r.kind = io.itsmhub.core.change.RunKind.DEPLOY"
            + " and (r.state = io.itsmhub.core.change.RunState.BUILDING or r.finishedAt >= ?1)")
    List<ReleaseRun> watchedSince(Instant since);
}
