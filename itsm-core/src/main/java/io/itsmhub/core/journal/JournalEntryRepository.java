package io.itsmhub.core.journal;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Deliberately not a CrudRepository: the journal can be appended to and read, never changed. */
interface JournalEntryRepository extends Repository<JournalEntry, Long> {

    JournalEntry save(JournalEntry entry);

    List<JournalEntry> findByTicketNumberOrderByIdAsc(String ticketNumber);

    List<JournalEntry> findByTicketNumberAndVisibilityOrderByIdAsc(String ticketNumber, JournalEntry.Visibility visibility);
}
