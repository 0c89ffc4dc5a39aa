-- The agents' work queues (io.itsmhub.core.queue): my groups' by group within the open statuses, and breaching soon
-- by the resolution target or the breach flag (assignee has its index since V1).
CREATE INDEX incident_group_status ON incident (assignment_group, status);
CREATE INDEX incident_resolution_due ON incident (resolution_due);
CREATE INDEX incident_sla_breached ON incident (sla_breached);
CREATE INDEX service_request_assignee_status ON service_request (assignee, status);
CREATE INDEX service_request_group_status ON service_request (assignment_group, status);
CREATE INDEX service_request_resolution_due ON service_request (resolution_due);
