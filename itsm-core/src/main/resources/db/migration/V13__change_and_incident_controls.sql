-- Segregation of duties on changes and incidents (issue 12).
--
-- A standard-change template is drafted by one change manager and approved by another before any change is made
-- from it. Templates from before this rule were "approved" by their own author: they go back to DRAFT (their
-- author kept as created_by) until a second change manager approves them.
ALTER TABLE change_template ADD COLUMN status VARCHAR(20) DEFAULT 'DRAFT' NOT NULL;
ALTER TABLE change_template ADD COLUMN created_by VARCHAR(100);
ALTER TABLE change_template ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
UPDATE change_template SET created_by = approved_by;
ALTER TABLE change_template ALTER COLUMN created_by SET NOT NULL;
ALTER TABLE change_template ALTER COLUMN approved_by DROP NOT NULL;
UPDATE change_template SET approved_by = NULL;

-- What a requester said about impact and urgency; the priority comes from the service desk's triage.
ALTER TABLE incident ADD COLUMN reported_impact VARCHAR(10);
ALTER TABLE incident ADD COLUMN reported_urgency VARCHAR(10);
