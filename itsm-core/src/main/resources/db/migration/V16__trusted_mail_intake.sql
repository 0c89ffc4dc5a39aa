-- Trusted mail intake: one row per mail across all hub processes, senders that may be missing, and the reply-token
-- secret that every hub on this database shares when none is configured.
ALTER TABLE inbound_mail ADD COLUMN mail_key VARCHAR(600);
UPDATE inbound_mail SET mail_key = COALESCE(message_id, 'row:' || CAST(id AS VARCHAR(20)));
-- Rows taken in twice before this constraint existed keep their history under a key of their own.
UPDATE inbound_mail SET mail_key = 'row:' || CAST(id AS VARCHAR(20))
    WHERE EXISTS (SELECT 1 FROM inbound_mail o WHERE o.mail_key = inbound_mail.mail_key AND o.id < inbound_mail.id);
ALTER TABLE inbound_mail ALTER COLUMN mail_key SET NOT NULL;
CREATE UNIQUE INDEX inbound_mail_key ON inbound_mail (mail_key);
ALTER TABLE inbound_mail ALTER COLUMN sender DROP NOT NULL;

CREATE TABLE hub_secret (
    name       VARCHAR(100) PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
