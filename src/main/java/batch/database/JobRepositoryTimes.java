package batch.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import batch.shared.TablePrefix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the job repository's times their microseconds on MySQL and MariaDB where its tables were
 * created with whole-second columns ({@code DATETIME}, from an older Spring Batch script or a
 * hand-made copy): those round every start and end to the second, and a run of half
 * a second reads as 0 or 1 s. Spring Batch's own schema says {@code DATETIME(6)}, so at start-up
 * each such column is altered to that, keeping whether it may be null: idempotent (a column that
 * has its fraction is not touched), and cheap, since the tables hold one row per run and per step;
 * the tables are locked for writes meanwhile, so a run of another process waits for the few
 * moments it takes. Where the schema is the operator's ({@code spring.batch.jdbc.initialize-schema}
 * other than {@code always}), or the user may not alter tables, the statement to run is logged
 * instead. {@code TIMESTAMP} columns are left alone: altering them could give them MySQL's
 * automatic defaults.
 */
@Component
@DependsOnDatabaseInitialization
class JobRepositoryTimes implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(JobRepositoryTimes.class);

	private static final List<String> TABLES = List.of("JOB_EXECUTION", "STEP_EXECUTION");

	private final DataSource dataSource;

	private final TablePrefix tables;

	private final boolean schemaIsOurs;

	JobRepositoryTimes(DataSource dataSource, TablePrefix tablePrefix, BatchJdbcProperties batch) {
		this.dataSource = dataSource;
		this.tables = tablePrefix;
		this.schemaIsOurs = batch.getInitializeSchema() == DatabaseInitializationMode.ALWAYS;
	}

	@Override
	public void afterPropertiesSet() {
		if (!StreamingJdbc.isMySql(this.dataSource)) {
			return; // H2 keeps nanoseconds
		}
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String statement : statements(jdbc)) {
			if (!this.schemaIsOurs) {
				logger.warn("the job repository keeps its times to the second only; to keep their fractions, run: {}",
						statement);
				continue;
			}
			try {
				jdbc.execute(statement);
				logger.info("the job repository's times now keep their fractions of a second: {}", statement);
			}
			catch (DataAccessException ex) {
				logger.warn("the job repository keeps its times to the second only ({}); to keep their fractions, "
						+ "run: {}", ex.getMostSpecificCause().getMessage(), statement);
			}
		}
	}

	/** The ALTER TABLE statements that give the whole-second columns microseconds; none when all have them. */
	List<String> statements(JdbcTemplate jdbc) {
		String prefix = this.tables.prefix();
		int dot = prefix.indexOf('.');
		String schema = (dot < 0) ? null : prefix.substring(0, dot);
		String namePrefix = prefix.substring(dot + 1);
		Map<String, List<String>> columns = new LinkedHashMap<>();
		for (String table : TABLES) {
			String name = namePrefix + table;
			jdbc.query("SELECT COLUMN_NAME, IS_NULLABLE FROM information_schema.COLUMNS"
					+ " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?"
					+ " AND COLUMN_NAME IN ('CREATE_TIME', 'START_TIME', 'END_TIME', 'LAST_UPDATED')"
					+ " AND DATA_TYPE = 'datetime' AND DATETIME_PRECISION < 6 ORDER BY ORDINAL_POSITION", (rs) -> {
						columns.computeIfAbsent(this.tables.table(table), (key) -> new ArrayList<>())
							.add("MODIFY " + rs.getString(1) + " DATETIME(6) "
									+ ("YES".equals(rs.getString(2)) ? "NULL DEFAULT NULL" : "NOT NULL"));
					}, schema, name);
		}
		List<String> statements = new ArrayList<>();
		columns.forEach((table, modifications) -> statements
			.add("ALTER TABLE " + table + " " + String.join(", ", modifications)));
		return statements;
	}

}
