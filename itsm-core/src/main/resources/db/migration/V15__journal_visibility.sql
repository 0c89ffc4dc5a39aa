-- Public comments and internal work notes: each journal line says who may read it. PUBLIC lines are the
-- requester's too (comments, creation, status and field changes); INTERNAL lines are staff only (notes the hub
-- and the agents write, external calls with their hosts, addresses and errors). Existing lines get the same rule
-- by their kind, so that no old note or Ansible line shows up in a requester's view after the upgrade.
ALTER TABLE journal_entry ADD COLUMN visibility VARCHAR(10) DEFAULT 'PUBLIC' NOT NULL;
UPDATE journal_entry SET visibility = 'INTERNAL' WHERE kind IN ('NOTE', 'EXTERNAL_CALL');
