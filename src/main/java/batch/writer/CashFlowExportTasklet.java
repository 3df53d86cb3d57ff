package batch.writer;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import batch.shared.TablePrefix;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code cash-flows.csv}, {@code valuations.csv} and {@code rejects.csv} in the spec's
 * formats for exactly the contracts of the run's input file. Re-running it rewrites the three.
 */
public class CashFlowExportTasklet extends ExportTasklet {

	static final List<String> CASH_FLOW_HEADER = List.of("contract_id", "seq", "event_date", "event_type", "currency",
			"payoff", "notional_principal", "nominal_interest_rate", "accrued_interest");

	static final List<String> VALUATION_HEADER = List.of("contract_id", "contract_type", "currency", "valuation_date",
			"pv", "events", "last_event_date", "currency2", "pv2");

	// The run's contracts, as the run wrote them: a contract it rejected keeps an earlier run's rows
	// in the tables, and they are not this run's results. %2$s: Spring Batch's job execution table.
	private static final String OF_RUN = " JOIN run_contract r ON r.contract_id = %1$s.contract_id"
			+ " WHERE r.job_instance_id = ? AND %1$s.job_execution_id IN"
			+ " (SELECT JOB_EXECUTION_ID FROM %2$s WHERE JOB_INSTANCE_ID = ?)";

	private final long jobInstanceId;

	private final String cashFlows;

	private final String valuations;

	private final String countCashFlows;

	private final String countValuations;

	/**
	 * @param tables the prefix of Spring Batch's tables, where the run's executions are found
	 */
	public CashFlowExportTasklet(JdbcTemplate jdbc, Path directory, long jobInstanceId, TablePrefix tables) {
		super(jdbc, directory);
		this.jobInstanceId = jobInstanceId;
		String executions = tables.table("JOB_EXECUTION");
		this.cashFlows = "SELECT f.* FROM cash_flow f" + OF_RUN.formatted("f", executions)
				+ " ORDER BY f.contract_id, f.seq";
		// the second currency's value, where a contract has one, as this run wrote it
		this.valuations = "SELECT v.*, l.currency AS currency2, l.pv AS pv2 FROM contract_valuation v"
				+ " LEFT JOIN contract_valuation_currency l ON l.contract_id = v.contract_id"
				+ " AND l.job_execution_id = v.job_execution_id" + OF_RUN.formatted("v", executions)
				+ " ORDER BY v.contract_id";
		this.countCashFlows = "SELECT COUNT(*) FROM cash_flow f" + OF_RUN.formatted("f", executions);
		this.countValuations = "SELECT COUNT(*) FROM contract_valuation v" + OF_RUN.formatted("v", executions);
	}

	@Override
	long expected(CsvExport export) {
		Object[] run = { this.jobInstanceId, this.jobInstanceId };
		return export.count(this.countCashFlows, run) + export.count(this.countValuations, run)
				+ export.countRejects(this.jobInstanceId, RejectRecorder.CONTRACTS);
	}

	@Override
	long write(CsvExport export) {
		Object[] run = { this.jobInstanceId, this.jobInstanceId };
		long rows = export.write("cash-flows.csv", CASH_FLOW_HEADER, this.cashFlows, run,
				CashFlowExportTasklet::cashFlow);
		rows += export.write("valuations.csv", VALUATION_HEADER, this.valuations, run,
				CashFlowExportTasklet::valuation);
		rows += export.writeRejects(this.jobInstanceId, RejectRecorder.CONTRACTS, "contract_id");
		return rows;
	}

	private static String[] cashFlow(ResultSet rs) throws SQLException {
		return new String[] { CsvExport.text(rs.getString("contract_id")), rs.getString("seq"),
				rs.getString("event_date"), rs.getString("event_type"), CsvExport.text(rs.getString("currency")), CsvExport.decimal(rs, "payoff", 10),
				CsvExport.decimal(rs, "notional_principal", 10), CsvExport.decimal(rs, "nominal_interest_rate", 10),
				CsvExport.decimal(rs, "accrued_interest", 10) };
	}

	private static String[] valuation(ResultSet rs) throws SQLException {
		return new String[] { CsvExport.text(rs.getString("contract_id")), rs.getString("contract_type"),
				CsvExport.text(rs.getString("currency")),
				rs.getString("valuation_date"), CsvExport.decimal(rs, "pv", 10), rs.getString("events"),
				(rs.getString("last_event_date") != null) ? rs.getString("last_event_date") : "",
				(rs.getString("currency2") != null) ? CsvExport.text(rs.getString("currency2")) : "",
				(rs.getString("currency2") != null) ? CsvExport.decimal(rs, "pv2", 10) : "" };
	}

}
