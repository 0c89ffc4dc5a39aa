package io.itsmhub.core.ticket.defined;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DefinedTicketRepository extends JpaRepository<DefinedTicket, Long>, JpaSpecificationExecutor<DefinedTicket> {

    Optional<DefinedTicket> findByNumber(String number);

    @Query("""
            select t from DefinedTicket t
            where t.type = :type and t.slaBreached = false and t.status in :open and t.resolutionDue < :now""")
    List<DefinedTicket> newlyBreached(String type, Collection<String> open, Instant now);
}
