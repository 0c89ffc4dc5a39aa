-- Catalog items define their approval chain, fulfilment plan, price table and SLA target; a request records where
-- its approval chain stands, its cost, and who or what is executing it now.
ALTER TABLE catalog_item ADD COLUMN approval_chain VARCHAR(10000);
ALTER TABLE catalog_item ADD COLUMN fulfilment VARCHAR(50);
ALTER TABLE catalog_item ADD COLUMN pricing VARCHAR(10000);
ALTER TABLE catalog_item ADD COLUMN sla_hours INTEGER;

ALTER TABLE service_request ADD COLUMN approval_step INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE service_request ADD COLUMN current_approvers VARCHAR(1000);
ALTER TABLE service_request ADD COLUMN approval_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE service_request ADD COLUMN cost DECIMAL(12, 2);
ALTER TABLE service_request ADD COLUMN executor VARCHAR(500);
