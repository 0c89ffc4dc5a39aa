package io.itsmhub.core.request;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long>, JpaSpecificationExecutor<ServiceRequest> {

    Optional<ServiceRequest> findByNumber(String number);

    java.util.List<ServiceRequest> findByStatusAndApprovalSinceBefore(RequestStatus status, Instant cutoff);

    @Query("""
            select r from ServiceRequest r
            where r.slaBreached = false and r.status in :open and r.resolutionDue < :now""")
    java.util.List<ServiceRequest> newlyBreached(Collection<RequestStatus> open, Instant now);
}
