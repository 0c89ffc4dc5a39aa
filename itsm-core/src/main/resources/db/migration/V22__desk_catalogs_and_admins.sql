-- A catalog item is offered by one desk, to the people of that desk and of every desk below it: the head office's
-- items to everyone, a branch's own items to that branch. Existing items are the head office's.
ALTER TABLE catalog_item ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);

-- Desk administrators: they shape their desk's part of the tree (desks below it, which groups are on them), its SLA
-- targets and its catalog items, and nothing above or beside it.
CREATE TABLE service_desk_admin (
    desk_code VARCHAR(40) NOT NULL REFERENCES service_desk (code),
    username  VARCHAR(100) NOT NULL REFERENCES person (username),
    PRIMARY KEY (desk_code, username)
);
