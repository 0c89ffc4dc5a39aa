-- The ticket kernel (io.itsmhub.core.ticket): every ticket type carries the same kernel columns — its desk, priority,
-- assignment, SLA clocks and custom attributes — so that common behaviour (visibility by desk, assignment, queues,
-- SLA flags, escalation) is written once. Existing tickets are on the head office, as the one desk they had.
ALTER TABLE incident ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);
ALTER TABLE incident ADD COLUMN attributes VARCHAR(100000);
ALTER TABLE service_request ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);
ALTER TABLE service_request ADD COLUMN attributes VARCHAR(100000);
ALTER TABLE change_request ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);
ALTER TABLE change_request ADD COLUMN attributes VARCHAR(100000);
ALTER TABLE change_request ADD COLUMN priority VARCHAR(2) DEFAULT 'P3' NOT NULL;
ALTER TABLE change_request ADD COLUMN response_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE change_request ADD COLUMN resolution_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE change_request ADD COLUMN sla_breached BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE problem ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);
ALTER TABLE problem ADD COLUMN attributes VARCHAR(100000);
ALTER TABLE problem ADD COLUMN response_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE problem ADD COLUMN resolution_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE problem ADD COLUMN sla_breached BOOLEAN DEFAULT FALSE NOT NULL;
-- a branch agent's lists: their desk's tickets, newest first
CREATE INDEX incident_desk_created ON incident (desk_code, created_at);
CREATE INDEX service_request_desk_created ON service_request (desk_code, created_at);
CREATE INDEX change_request_desk_created ON change_request (desk_code, created_at);
CREATE INDEX problem_desk_created ON problem (desk_code, created_at);

-- Tickets of the types defined as data (a workflow and its fields, no table of their own): the kernel columns, a
-- status that is a state of the type's workflow, and the type's fields in attributes.
CREATE SEQUENCE ticket_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE ticket (
    id               BIGINT PRIMARY KEY,
    number           VARCHAR(20) NOT NULL UNIQUE,
    ticket_type      VARCHAR(30) NOT NULL,
    title            VARCHAR(200) NOT NULL,
    description      VARCHAR(10000),
    status           VARCHAR(40) NOT NULL,
    requester        VARCHAR(100),
    desk_code        VARCHAR(40) NOT NULL REFERENCES service_desk (code),
    priority         VARCHAR(2) NOT NULL,
    assignment_group VARCHAR(100),
    assignee         VARCHAR(100),
    response_due     TIMESTAMP WITH TIME ZONE,
    resolution_due   TIMESTAMP WITH TIME ZONE,
    sla_breached     BOOLEAN NOT NULL,
    attributes       VARCHAR(100000),
    closed_at        TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL
);
CREATE INDEX ticket_type_status ON ticket (ticket_type, status, created_at);
CREATE INDEX ticket_desk_created ON ticket (desk_code, created_at);

-- Links between tickets, of any types: parent/child, caused-by, duplicate-of, related.
CREATE TABLE ticket_link (
    from_number VARCHAR(20) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    to_number   VARCHAR(20) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (from_number, kind, to_number)
);
CREATE INDEX ticket_link_to ON ticket_link (to_number);

-- A person's home desk and where they sit, which routing reads; the head office when not said.
ALTER TABLE person ADD COLUMN desk_code VARCHAR(40) REFERENCES service_desk (code);
ALTER TABLE person ADD COLUMN department VARCHAR(100);
ALTER TABLE person ADD COLUMN location VARCHAR(100);

-- Routing: the first rule (by position) whose every stated condition matches places a new ticket on its desk.
CREATE TABLE desk_routing_rule (
    position    INTEGER PRIMARY KEY,
    ticket_type VARCHAR(30),
    department  VARCHAR(100),
    location    VARCHAR(100),
    category    VARCHAR(100),
    service     VARCHAR(20),
    desk_code   VARCHAR(40) NOT NULL REFERENCES service_desk (code)
);

-- SLA targets by (desk, ticket type, priority); a desk without its own takes its parent's.
ALTER TABLE sla_target ADD COLUMN desk_code VARCHAR(40) DEFAULT 'HQ' NOT NULL REFERENCES service_desk (code);
UPDATE sla_target SET id = 'HQ:' || id;
