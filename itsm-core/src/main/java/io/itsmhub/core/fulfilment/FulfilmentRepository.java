package io.itsmhub.core.fulfilment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FulfilmentRepository extends JpaRepository<Fulfilment, String> {

    /** Renews a running step's lease without touching its version, so that it never conflicts with the step's own writes. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Fulfilment f set f.leaseUntil = :until where f.requestNumber = :number and f.leaseUntil is not null")
    int renew(String number, Instant until);

    /** Fulfilments with work to do and no hub holding them (never leased, or the lease ran out: a hub died). */
    @Query("select f from Fulfilment f where f.state in :states and (f.leaseUntil is null or f.leaseUntil < :now) order by f.updatedAt")
    List<Fulfilment> due(Collection<Fulfilment.State> states, Instant now, Pageable page);
}
