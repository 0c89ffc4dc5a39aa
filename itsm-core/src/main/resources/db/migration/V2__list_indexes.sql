-- The default lists: open tickets of a status, newest first.
CREATE INDEX incident_status_created ON incident (status, created_at);
CREATE INDEX service_request_status_created ON service_request (status, created_at);
CREATE INDEX change_request_created ON change_request (created_at);
