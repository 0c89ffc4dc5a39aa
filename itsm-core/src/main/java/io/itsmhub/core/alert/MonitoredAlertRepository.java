package io.itsmhub.core.alert;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MonitoredAlertRepository extends JpaRepository<MonitoredAlert, Long> {

    /** Locks the row: two deliveries of the same alert (replay, HA pair) are handled one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from MonitoredAlert a where a.identity = :identity")
    Optional<MonitoredAlert> lockByIdentity(String identity);

    List<MonitoredAlert> findByIncidentNumberOrderById(String incidentNumber);
}
