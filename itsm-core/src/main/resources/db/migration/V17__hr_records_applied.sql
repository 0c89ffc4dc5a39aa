-- HR records already applied, so that a retried batch (or a CSV file dropped twice) raises no second access request.
-- The key is the HR system's recordId when it sends one, else a SHA-256 of the record's fields.
CREATE TABLE hr_record_applied (
    record_key VARCHAR(250) PRIMARY KEY,
    username   VARCHAR(100) NOT NULL,
    event      VARCHAR(20) NOT NULL,
    requests   VARCHAR(4000),
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
