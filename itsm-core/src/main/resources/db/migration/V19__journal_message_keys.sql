-- Journal lines as a message key plus arguments (a JSON array of strings), rendered in the reader's language when
-- read (journal/messages*.properties). Lines written before stay as they are: their English text in message, no key.
-- Keyed lines leave message empty, so that no language is stored.
ALTER TABLE journal_entry ADD COLUMN message_key VARCHAR(100);
ALTER TABLE journal_entry ADD COLUMN message_args VARCHAR(10000);
