-- Application tables. One script for MySQL 8, MariaDB 10.11+ and H2 in MySQL mode, but for the
-- policy table (schema-mysql.sql, schema-h2.sql); every statement is idempotent because it runs
-- at each start. The job metadata (BATCH_*) is Spring
-- Batch's own schema, created beside these tables.
--
-- The tables that keep text from input files (contract ids, ACTUS terms, market object codes,
-- the keys of rejected rows) say utf8mb4 themselves: MariaDB's default, latin1, refused a contract
-- id in Chinese and failed the run. They compare that text exactly (utf8mb4_bin): under an
-- accent-insensitive collation, the default of MySQL 8 and of utf8mb4 on MariaDB, contracts José
-- and Jose shared one key and one silently overwrote the other. H2 ignores both options.

-- The in-force book, policy, is in schema-mysql.sql and schema-h2.sql: its indexes differ.

-- The policies of each run's input file (a run is a job instance): what the run calculates and
-- exports, even if a later file loads some of the same policies again.
CREATE TABLE IF NOT EXISTS run_policy (
	job_instance_id BIGINT NOT NULL,
	policy_id BIGINT NOT NULL,
	PRIMARY KEY (job_instance_id, policy_id)
);

-- One row per policy per policy year. NULL where a column does not apply to the product.
CREATE TABLE IF NOT EXISTS illustration (
	policy_id BIGINT NOT NULL,
	policy_year INT NOT NULL,
	product_code VARCHAR(16) NOT NULL,
	age INT NOT NULL,
	premium DECIMAL(18,2) NOT NULL,
	total_premiums_paid DECIMAL(18,2) NOT NULL,
	guaranteed_death_benefit DECIMAL(18,2) NULL,
	guaranteed_surrender_value DECIMAL(18,2) NULL,
	death_benefit_4 DECIMAL(18,2) NOT NULL,
	surrender_value_4 DECIMAL(18,2) NOT NULL,
	maturity_benefit_4 DECIMAL(18,2) NOT NULL,
	accrued_bonus_4 DECIMAL(18,2) NULL,
	fund_value_4 DECIMAL(18,2) NULL,
	death_benefit_8 DECIMAL(18,2) NOT NULL,
	surrender_value_8 DECIMAL(18,2) NOT NULL,
	maturity_benefit_8 DECIMAL(18,2) NOT NULL,
	accrued_bonus_8 DECIMAL(18,2) NULL,
	fund_value_8 DECIMAL(18,2) NULL,
	basis_version VARCHAR(32) NOT NULL,
	job_execution_id BIGINT NOT NULL,
	PRIMARY KEY (policy_id, policy_year)
);

CREATE TABLE IF NOT EXISTS illustration_summary (
	policy_id BIGINT NOT NULL PRIMARY KEY,
	product_code VARCHAR(16) NOT NULL,
	annual_premium DECIMAL(18,2) NOT NULL,
	maturity_benefit_4 DECIMAL(18,2) NOT NULL,
	maturity_benefit_8 DECIMAL(18,2) NOT NULL,
	irr_4 DECIMAL(9,4) NULL,
	irr_8 DECIMAL(9,4) NULL,
	status VARCHAR(8) NOT NULL,
	basis_version VARCHAR(32) NOT NULL,
	job_execution_id BIGINT NOT NULL
);

-- Input rows that failed validation, per run (job instance) and input file.
CREATE TABLE IF NOT EXISTS rejected_record (
	job_instance_id BIGINT NOT NULL,
	source VARCHAR(16) NOT NULL,
	line_number BIGINT NOT NULL,
	record_key VARCHAR(64) NOT NULL,
	reason_code VARCHAR(40) NOT NULL,
	message VARCHAR(500) NOT NULL,
	job_execution_id BIGINT NOT NULL,
	PRIMARY KEY (job_instance_id, source, line_number)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The contracts of each cashFlowJob run, as imported: one row per valid line of the input file,
-- the ACTUS terms kept as given (a JSON object of term name to text). The line number is the
-- contract's key within the run, which the calculation partitions by.
CREATE TABLE IF NOT EXISTS run_contract (
	job_instance_id BIGINT NOT NULL,
	line_number BIGINT NOT NULL,
	contract_id VARCHAR(64) NOT NULL,
	contract_type VARCHAR(8) NOT NULL,
	currency VARCHAR(8) NOT NULL,
	terms TEXT NOT NULL,
	job_execution_id BIGINT NOT NULL,
	PRIMARY KEY (job_instance_id, line_number),
	INDEX run_contract_id_idx (job_instance_id, contract_id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Market data of each run: rate observations (for resets) and zero curves (for present values).
CREATE TABLE IF NOT EXISTS rate_observation (
	job_instance_id BIGINT NOT NULL,
	market_object_code VARCHAR(64) NOT NULL,
	observed_at DATETIME NOT NULL,
	observed_value DOUBLE NOT NULL,
	PRIMARY KEY (job_instance_id, market_object_code, observed_at)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS yield_curve_point (
	job_instance_id BIGINT NOT NULL,
	currency VARCHAR(8) NOT NULL,
	tenor VARCHAR(4) NOT NULL,
	zero_rate DOUBLE NOT NULL,
	PRIMARY KEY (job_instance_id, currency, tenor)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Events observed on the contracts of a run (the optional events file): call notices,
-- unscheduled payments, monitoring times.
CREATE TABLE IF NOT EXISTS observed_event (
	job_instance_id BIGINT NOT NULL,
	contract_id VARCHAR(64) NOT NULL,
	observed_at DATETIME NOT NULL,
	event_type VARCHAR(4) NOT NULL,
	event_value DOUBLE NOT NULL,
	PRIMARY KEY (job_instance_id, contract_id, observed_at, event_type)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per projected ACTUS event, numbered from 1 per contract; a re-run replaces a
-- contract's rows, deleting those beyond its new last event.
CREATE TABLE IF NOT EXISTS cash_flow (
	contract_id VARCHAR(64) NOT NULL,
	seq INT NOT NULL,
	event_date DATE NOT NULL,
	event_type VARCHAR(4) NOT NULL,
	currency VARCHAR(8) NOT NULL,
	payoff DECIMAL(30,10) NOT NULL,
	notional_principal DECIMAL(30,10) NOT NULL,
	nominal_interest_rate DECIMAL(30,10) NOT NULL,
	accrued_interest DECIMAL(30,10) NOT NULL,
	job_execution_id BIGINT NOT NULL,
	PRIMARY KEY (contract_id, seq)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS contract_valuation (
	contract_id VARCHAR(64) NOT NULL PRIMARY KEY,
	contract_type VARCHAR(8) NOT NULL,
	currency VARCHAR(8) NOT NULL,
	valuation_date DATE NOT NULL,
	pv DECIMAL(30,10) NOT NULL,
	events INT NOT NULL,
	last_event_date DATE NULL,
	job_execution_id BIGINT NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The present value of the events a contract pays in a currency other than its own (the second
-- leg of an FX outright), in that currency: v1 has no FX conversion, so legs are not summed.
CREATE TABLE IF NOT EXISTS contract_valuation_currency (
	contract_id VARCHAR(64) NOT NULL,
	currency VARCHAR(8) NOT NULL,
	pv DECIMAL(30,10) NOT NULL,
	job_execution_id BIGINT NOT NULL,
	PRIMARY KEY (contract_id, currency)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which process runs each job execution, and when it last said it was alive (the database's
-- clock): recover refuses a run whose process still beats, on this host or another.
CREATE TABLE IF NOT EXISTS run_heartbeat (
	job_execution_id BIGINT NOT NULL PRIMARY KEY,
	host VARCHAR(255) NOT NULL,
	pid BIGINT NOT NULL,
	beat_at TIMESTAMP(3) NOT NULL
);
