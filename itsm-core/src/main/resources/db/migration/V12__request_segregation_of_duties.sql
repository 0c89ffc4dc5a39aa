-- Access requests grant only the groups their catalog item lists (a JSON array); none listed: nothing grantable.
ALTER TABLE catalog_item ADD COLUMN grantable_groups VARCHAR(4000);
