package batch.writer;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code illustrations.csv}, {@code summary.csv} and {@code rejects.csv} in the spec's
 * formats: for a run with an input file, exactly that file's policies and rejects; for a
 * recalculation of the book, every policy. Re-running it rewrites the three files.
 */
public class IllustrationExportTasklet extends ExportTasklet {

	static final List<String> ILLUSTRATION_HEADER = List.of("policy_id", "product_code", "policy_year", "age",
			"premium", "total_premiums_paid", "guaranteed_death_benefit", "guaranteed_surrender_value",
			"death_benefit_4", "surrender_value_4", "maturity_benefit_4", "accrued_bonus_4", "fund_value_4",
			"death_benefit_8", "surrender_value_8", "maturity_benefit_8", "accrued_bonus_8", "fund_value_8");

	static final List<String> SUMMARY_HEADER = List.of("policy_id", "product_code", "annual_premium",
			"maturity_benefit_4", "maturity_benefit_8", "irr_4", "irr_8", "status", "basis_version");

	private static final String ILLUSTRATIONS = " FROM illustration i JOIN policy p ON p.policy_id = i.policy_id";

	private static final String ILLUSTRATIONS_OF_RUN = " FROM illustration i"
			+ " JOIN run_policy r ON r.policy_id = i.policy_id WHERE r.job_instance_id = ?";

	private static final String SUMMARIES = " FROM illustration_summary s JOIN policy p ON p.policy_id = s.policy_id";

	private static final String SUMMARIES_OF_RUN = " FROM illustration_summary s"
			+ " JOIN run_policy r ON r.policy_id = s.policy_id WHERE r.job_instance_id = ?";

	private final long jobInstanceId;

	private final boolean wholeBook;

	/**
	 * @param jdbc a template that streams its results
	 * @param wholeBook export every policy, not only those the run imported
	 */
	public IllustrationExportTasklet(JdbcTemplate jdbc, Path directory, long jobInstanceId, boolean wholeBook) {
		super(jdbc, directory);
		this.jobInstanceId = jobInstanceId;
		this.wholeBook = wholeBook;
	}

	@Override
	long expected(CsvExport export) {
		Object[] run = this.wholeBook ? new Object[0] : new Object[] { this.jobInstanceId };
		long rows = export.count("SELECT COUNT(*)" + (this.wholeBook ? ILLUSTRATIONS : ILLUSTRATIONS_OF_RUN), run);
		rows += export.count("SELECT COUNT(*)" + (this.wholeBook ? SUMMARIES : SUMMARIES_OF_RUN), run);
		return rows + export.countRejects(this.jobInstanceId, RejectRecorder.POLICIES);
	}

	@Override
	long write(CsvExport export) {
		Object[] run = this.wholeBook ? new Object[0] : new Object[] { this.jobInstanceId };
		long rows = export.write("illustrations.csv", ILLUSTRATION_HEADER, "SELECT i.*"
				+ (this.wholeBook ? ILLUSTRATIONS : ILLUSTRATIONS_OF_RUN) + " ORDER BY i.policy_id, i.policy_year", run,
				IllustrationExportTasklet::illustration);
		rows += export.write("summary.csv", SUMMARY_HEADER,
				"SELECT s.*" + (this.wholeBook ? SUMMARIES : SUMMARIES_OF_RUN) + " ORDER BY s.policy_id", run,
				IllustrationExportTasklet::summary);
		rows += export.writeRejects(this.jobInstanceId, RejectRecorder.POLICIES, "policy_id");
		return rows;
	}

	private static String[] illustration(ResultSet rs) throws SQLException {
		return new String[] { rs.getString("policy_id"), rs.getString("product_code"), rs.getString("policy_year"),
				rs.getString("age"), CsvExport.money(rs, "premium"), CsvExport.money(rs, "total_premiums_paid"),
				CsvExport.money(rs, "guaranteed_death_benefit"), CsvExport.money(rs, "guaranteed_surrender_value"),
				CsvExport.money(rs, "death_benefit_4"), CsvExport.money(rs, "surrender_value_4"),
				CsvExport.money(rs, "maturity_benefit_4"), CsvExport.money(rs, "accrued_bonus_4"),
				CsvExport.money(rs, "fund_value_4"), CsvExport.money(rs, "death_benefit_8"),
				CsvExport.money(rs, "surrender_value_8"), CsvExport.money(rs, "maturity_benefit_8"),
				CsvExport.money(rs, "accrued_bonus_8"), CsvExport.money(rs, "fund_value_8") };
	}

	private static String[] summary(ResultSet rs) throws SQLException {
		return new String[] { rs.getString("policy_id"), rs.getString("product_code"),
				CsvExport.money(rs, "annual_premium"), CsvExport.money(rs, "maturity_benefit_4"),
				CsvExport.money(rs, "maturity_benefit_8"), CsvExport.decimal(rs, "irr_4", 4),
				CsvExport.decimal(rs, "irr_8", 4), rs.getString("status"), rs.getString("basis_version") };
	}

}
