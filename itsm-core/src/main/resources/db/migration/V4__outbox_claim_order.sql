-- Claims read pending events in position order: with this index they are found in order instead of sorting
-- every pending row on each claim (which a backlog of thousands of events made slow).
CREATE INDEX outbox_event_pending_order ON outbox_event (status, position);
