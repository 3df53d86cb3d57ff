package batch.writer;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code cash-flows.csv}, {@code valuations.csv} and {@code rejects.csv} in the spec's
 * formats for exactly the contracts of the run's input file. Re-running it rewrites the three.
 */
public class CashFlowExportTasklet implements StoppableTasklet {

	static final List<String> CASH_FLOW_HEADER = List.of("contract_id", "seq", "event_date", "event_type", "currency",
			"payoff", "notional_principal", "nominal_interest_rate", "accrued_interest");

	static final List<String> VALUATION_HEADER = List.of("contract_id", "contract_type", "currency", "valuation_date",
			"pv", "events", "last_event_date");

	// The run's contracts, as the run wrote them: a contract it rejected keeps an earlier run's rows
	// in the tables, and they are not this run's results.
	private static final String OF_RUN = " JOIN run_contract r ON r.contract_id = %1$s.contract_id"
			+ " WHERE r.job_instance_id = ? AND %1$s.job_execution_id IN"
			+ " (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?)";

	private static final String CASH_FLOWS = "SELECT f.* FROM cash_flow f" + OF_RUN.formatted("f")
			+ " ORDER BY f.contract_id, f.seq";

	private static final String VALUATIONS = "SELECT v.* FROM contract_valuation v" + OF_RUN.formatted("v")
			+ " ORDER BY v.contract_id";

	private final JdbcTemplate jdbc;

	private final Path directory;

	private volatile CsvExport export;

	private volatile boolean stopRequested;

	private final long jobInstanceId;

	public CashFlowExportTasklet(JdbcTemplate jdbc, Path directory, long jobInstanceId) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.jobInstanceId = jobInstanceId;
	}

	// a stop asked for (SIGTERM, ./batch stop) ends a long export at its next row
	@Override
	public void stop() {
		this.stopRequested = true;
		CsvExport current = this.export;
		if (current != null) {
			current.stop();
		}
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Object[] run = { this.jobInstanceId, this.jobInstanceId };
		long rows;
		try (CsvExport export = new CsvExport(this.jdbc, this.directory)) {
			this.export = export;
			if (this.stopRequested) {
				export.stop();
			}
			rows = export.write("cash-flows.csv", CASH_FLOW_HEADER, CASH_FLOWS, run,
					CashFlowExportTasklet::cashFlow);
			rows += export.write("valuations.csv", VALUATION_HEADER, VALUATIONS, run,
					CashFlowExportTasklet::valuation);
			rows += export.writeRejects(this.jobInstanceId, RejectRecorder.CONTRACTS, "contract_id");
			export.commit();
		}
		contribution.incrementWriteCount(rows);
		return RepeatStatus.FINISHED;
	}

	private static String[] cashFlow(ResultSet rs) throws SQLException {
		return new String[] { rs.getString("contract_id"), rs.getString("seq"), rs.getString("event_date"),
				rs.getString("event_type"), rs.getString("currency"), CsvExport.decimal(rs, "payoff", 10),
				CsvExport.decimal(rs, "notional_principal", 10), CsvExport.decimal(rs, "nominal_interest_rate", 10),
				CsvExport.decimal(rs, "accrued_interest", 10) };
	}

	private static String[] valuation(ResultSet rs) throws SQLException {
		return new String[] { rs.getString("contract_id"), rs.getString("contract_type"), rs.getString("currency"),
				rs.getString("valuation_date"), CsvExport.decimal(rs, "pv", 10), rs.getString("events"),
				(rs.getString("last_event_date") != null) ? rs.getString("last_event_date") : "" };
	}

}
