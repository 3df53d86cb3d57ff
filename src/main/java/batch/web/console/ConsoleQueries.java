package batch.web.console;

import java.math.BigDecimal;
import java.util.List;

import batch.shared.TablePrefix;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the console shows beside the job repository's reports and a run's rejected rows (those
 * are {@code RejectQueries}', which the command line shares): the runs' list, and a run's results,
 * read from the application's tables by the run's job instance (a restart writes under a new
 * execution of the same instance). Read only; every value bound, the table prefix a checked
 * identifier.
 */
class ConsoleQueries {

	private final JdbcTemplate jdbc;

	private final TablePrefix tables;

	ConsoleQueries(JdbcTemplate jdbc, TablePrefix tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** The executions, newest first, of a job and in a status if given. */
	List<Long> executionIds(String jobName, String status, int limit, int offset) {
		return this.jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM " + this.tables.table("JOB_EXECUTION")
				+ " e JOIN " + this.tables.table("JOB_INSTANCE") + " i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
				+ " WHERE (? IS NULL OR i.JOB_NAME = ?) AND (? IS NULL OR e.STATUS = ?)"
				+ " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ? OFFSET ?", Long.class, jobName, jobName, status, status,
				limit, offset);
	}

	/** The names of the jobs that have run, in order. */
	List<String> jobNames() {
		return this.jdbc.queryForList("SELECT DISTINCT JOB_NAME FROM " + this.tables.table("JOB_INSTANCE")
				+ " ORDER BY JOB_NAME", String.class);
	}

	/** The payoffs of a run's cash flows, in and out, by currency and month, in order. */
	List<MonthFlow> ladder(long instanceId) {
		return this.jdbc.query("SELECT currency, YEAR(event_date) AS y, MONTH(event_date) AS m,"
				+ " SUM(CASE WHEN payoff > 0 THEN payoff ELSE 0 END), SUM(CASE WHEN payoff < 0 THEN payoff ELSE 0 END)"
				+ " FROM cash_flow WHERE job_execution_id IN (" + executionsOf() + ")"
				+ " GROUP BY currency, YEAR(event_date), MONTH(event_date) ORDER BY currency, y, m",
				(row, i) -> new MonthFlow(row.getString(1), row.getInt(2), row.getInt(3), row.getBigDecimal(4),
						row.getBigDecimal(5)),
				instanceId);
	}

	/** The contracts of a run with the largest present values, by size. */
	List<Valuation> largestValues(long instanceId, int limit) {
		return this.jdbc.query("SELECT contract_id, contract_type, currency, pv, events FROM contract_valuation"
				+ " WHERE job_execution_id IN (" + executionsOf() + ") ORDER BY ABS(pv) DESC, contract_id LIMIT ?",
				(row, i) -> new Valuation(row.getString(1), row.getString(2), row.getString(3), row.getBigDecimal(4),
						row.getInt(5)),
				instanceId, limit);
	}

	/** The internal rates of return of a run's policies, at 4% and 8%, by product. */
	List<Returns> returns(long instanceId) {
		return this.jdbc.query("SELECT product_code, irr_4, irr_8 FROM illustration_summary"
				+ " WHERE job_execution_id IN (" + executionsOf() + ") AND irr_4 IS NOT NULL AND irr_8 IS NOT NULL",
				(row, i) -> new Returns(row.getString(1), row.getBigDecimal(2), row.getBigDecimal(3)), instanceId);
	}

	private String executionsOf() {
		return "SELECT JOB_EXECUTION_ID FROM " + this.tables.table("JOB_EXECUTION") + " WHERE JOB_INSTANCE_ID = ?";
	}

	record MonthFlow(String currency, int year, int month, BigDecimal in, BigDecimal out) {
	}

	record Valuation(String contractId, String type, String currency, BigDecimal presentValue, int events) {
	}

	record Returns(String product, BigDecimal at4, BigDecimal at8) {
	}

}
