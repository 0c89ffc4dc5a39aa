-- The automated fulfilment of a request: which step it is at, its lease (so that exactly one hub works on it and a
-- restarted hub picks it up where it stopped), what earlier steps produced, and the last error.
CREATE TABLE fulfilment (
    request_number VARCHAR(20) PRIMARY KEY REFERENCES service_request (number),
    plan           VARCHAR(50) NOT NULL,
    step           VARCHAR(30) NOT NULL,
    state          VARCHAR(20) NOT NULL,
    lease_until    TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER NOT NULL,
    data           VARCHAR(100000) NOT NULL,
    error          VARCHAR(4000),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT NOT NULL
);
CREATE INDEX fulfilment_due ON fulfilment (state, lease_until);
