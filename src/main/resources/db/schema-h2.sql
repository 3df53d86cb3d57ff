-- The policy table as H2, the embedded default, indexes it (it refuses index prefix lengths),
-- run after schema.sql (batch.database.DialectSchema). Idempotent: it runs at each start.
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
	INDEX policy_holder_name_idx (holder_name_hash),
	INDEX policy_mobile_idx (mobile_hash)
);
