-- Decisions the OA system sent back, by their nonce: a replayed callback finds its nonce and is refused.
CREATE TABLE oa_callback (
    nonce       VARCHAR(200) PRIMARY KEY,
    approval_id VARCHAR(100) NOT NULL,
    decided_by  VARCHAR(100) NOT NULL,
    decision    VARCHAR(20) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
