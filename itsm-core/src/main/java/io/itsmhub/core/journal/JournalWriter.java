package io.itsmhub.core.journal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journal lines written from outside a ticket transaction, by routes that act on a ticket's behalf (a directory
 * operation, a message sent): each call is its own small transaction.
 */
@Service
@Transactional
public class JournalWriter {

    private final Journal journal;

    JournalWriter(Journal journal) {
        this.journal = journal;
    }

    public void externalCall(String number, String system, String operation, String outcome, long millis, int attempt) {
        journal.externalCall(number, system, operation, outcome, millis, attempt);
    }

    public void note(String number, String actor, JournalMessage message) {
        journal.note(number, actor, message);
    }
}
