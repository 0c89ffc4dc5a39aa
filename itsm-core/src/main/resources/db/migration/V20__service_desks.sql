-- Service desks: a tree below the head office. A support group belongs to one desk (the head office until an
-- administrator places it); tickets are placed on desks by the ticket kernel.
CREATE TABLE service_desk (
    code          VARCHAR(40) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    parent_code   VARCHAR(40) REFERENCES service_desk (code),
    sees_children BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO service_desk (code, name, parent_code, sees_children) VALUES ('HQ', 'Head office', NULL, TRUE);
CREATE INDEX service_desk_parent ON service_desk (parent_code);

ALTER TABLE support_group ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);
