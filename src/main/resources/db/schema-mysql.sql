-- The policy table as MySQL 8 and MariaDB 10.11+ index it, run after schema.sql
-- (batch.database.DialectSchema). Idempotent: it runs at each start.
--
-- The hash indexes are on the first 16 hex digits: 64 bits of a keyed hash pick out one holder
-- in any book, and the lookup compares the whole hash on the row. A million policies load in
-- about three quarters of the time they take with whole-column indexes (README, issue 19). A
-- database made before this script keeps its whole-column indexes, which work as well; to have
-- the faster import there, once, while no run is going on:
--   ALTER TABLE policy DROP INDEX policy_holder_name_idx, DROP INDEX policy_mobile_idx,
--     ADD INDEX policy_holder_name_idx (holder_name_hash(16)), ADD INDEX policy_mobile_idx (mobile_hash(16));
--
-- The in-force book. Personal data is never stored in clear: holder name and mobile as keyed
-- hashes (HMAC-SHA256, hex), the date of birth encrypted (AES-256-GCM) under the key named by
-- pii_key_id. source_line and job_execution_id tell which import last wrote the row.
CREATE TABLE IF NOT EXISTS policy (
	policy_id BIGINT NOT NULL PRIMARY KEY,
	product_code VARCHAR(16) NOT NULL,
	holder_name_hash CHAR(64) NOT NULL,
	mobile_hash CHAR(64) NOT NULL,
	dob_encrypted VARCHAR(128) NOT NULL,
	pii_key_id VARCHAR(32) NOT NULL,
	gender CHAR(1) NOT NULL,
	commencement_date DATE NOT NULL,
	entry_age INT NOT NULL,
	sum_assured DECIMAL(15,2) NOT NULL,
	modal_premium DECIMAL(15,2) NOT NULL,
	premium_frequency VARCHAR(12) NOT NULL,
	policy_term INT NOT NULL,
	premium_paying_term INT NOT NULL,
	source_line BIGINT NOT NULL,
	job_execution_id BIGINT NOT NULL,
	INDEX policy_holder_name_idx (holder_name_hash(16)),
	INDEX policy_mobile_idx (mobile_hash(16))
);
