package io.itsmhub.core.request;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long>, JpaSpecificationExecutor<ServiceRequest> {

    Optional<ServiceRequest> findByNumber(String number);

    @Modifying
    @Query("""
            update ServiceRequest r set r.slaBreached = true
            where r.slaBreached = false and r.status in :open and r.resolutionDue < :now""")
    int flagBreaches(Collection<RequestStatus> open, Instant now);
}
