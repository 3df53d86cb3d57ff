package batch.writer;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import batch.domain.illustration.Illustration;
import batch.domain.illustration.IllustrationYear;
import batch.domain.illustration.ScenarioOutcome;
import batch.domain.illustration.ScenarioValues;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts a chunk's illustrations in three batched statements: the yearly rows, the summaries, and
 * the removal of years beyond a policy's term left by an earlier run with a longer term. Counts
 * the rows it wrote in the step's context, so that the count survives a restart.
 */
public class IllustrationWriter implements ItemStreamWriter<Illustration> {

	/** Execution context key of the illustration rows written by this step. */
	public static final String ROWS_WRITTEN_KEY = "illustration.rowsWritten";

	static final String YEAR_UPSERT = Upsert.sql("illustration", List.of("policy_id", "policy_year"),
			List.of("product_code", "age", "premium", "total_premiums_paid", "guaranteed_death_benefit",
					"guaranteed_surrender_value", "death_benefit_4", "surrender_value_4", "maturity_benefit_4",
					"accrued_bonus_4", "fund_value_4", "death_benefit_8", "surrender_value_8", "maturity_benefit_8",
					"accrued_bonus_8", "fund_value_8", "basis_version", "job_execution_id"));

	static final String SUMMARY_UPSERT = Upsert.sql("illustration_summary", List.of("policy_id"),
			List.of("product_code", "annual_premium", "maturity_benefit_4", "maturity_benefit_8", "irr_4", "irr_8",
					"status", "basis_version", "job_execution_id"));

	static final String STALE_YEARS_DELETE = "DELETE FROM illustration WHERE policy_id = ? AND policy_year > ?";

	private final JdbcTemplate jdbc;

	private final long jobExecutionId;

	private long rowsWritten;

	private final WriteMetrics metrics;

	public IllustrationWriter(JdbcTemplate jdbc, long jobExecutionId, WriteMetrics metrics) {
		this.jdbc = jdbc;
		this.jobExecutionId = jobExecutionId;
		this.metrics = metrics;
	}

	@Override
	public void write(Chunk<? extends Illustration> chunk) {
		List<YearRow> years = new ArrayList<>(chunk.size() * 20);
		for (Illustration illustration : chunk) {
			for (IllustrationYear year : illustration.years()) {
				years.add(new YearRow(illustration, year));
			}
		}
		List<? extends Illustration> illustrations = chunk.getItems();
		this.jdbc.batchUpdate(YEAR_UPSERT, years, Upsert.BATCH_ROWS, this::setYear);
		this.jdbc.batchUpdate(SUMMARY_UPSERT, illustrations, Upsert.BATCH_ROWS, this::setSummary);
		this.jdbc.batchUpdate(STALE_YEARS_DELETE, illustrations, Upsert.BATCH_ROWS, (ps, illustration) -> {
			ps.setLong(1, illustration.policyId());
			ps.setInt(2, illustration.policy().term());
		});
		this.rowsWritten += years.size();
		this.metrics.illustrated(illustrations.size());
		this.metrics.upserted("illustration", years.size());
		this.metrics.upserted("illustration_summary", illustrations.size());
	}

	private void setYear(PreparedStatement ps, YearRow row) throws SQLException {
		IllustrationYear year = row.year();
		ps.setLong(1, row.illustration().policyId());
		ps.setInt(2, year.year());
		ps.setString(3, row.illustration().policy().product().name());
		ps.setInt(4, year.age());
		ps.setBigDecimal(5, year.premium());
		ps.setBigDecimal(6, year.totalPremiumsPaid());
		setMoney(ps, 7, year.guaranteedDeathBenefit());
		setMoney(ps, 8, year.guaranteedSurrenderValue());
		int index = 9;
		for (ScenarioValues values : year.scenarios()) {
			ps.setBigDecimal(index++, values.deathBenefit());
			ps.setBigDecimal(index++, values.surrenderValue());
			ps.setBigDecimal(index++, values.maturityBenefit());
			setMoney(ps, index++, values.accruedBonus());
			setMoney(ps, index++, values.fundValue());
		}
		ps.setString(index++, row.illustration().basisVersion());
		ps.setLong(index, this.jobExecutionId);
	}

	private void setSummary(PreparedStatement ps, Illustration illustration) throws SQLException {
		ps.setLong(1, illustration.policyId());
		ps.setString(2, illustration.policy().product().name());
		ps.setBigDecimal(3, illustration.annualPremium());
		List<ScenarioOutcome> outcomes = illustration.outcomes();
		ps.setBigDecimal(4, outcomes.get(0).maturityBenefit());
		ps.setBigDecimal(5, outcomes.get(1).maturityBenefit());
		setMoney(ps, 6, outcomes.get(0).irr());
		setMoney(ps, 7, outcomes.get(1).irr());
		ps.setString(8, illustration.status().name());
		ps.setString(9, illustration.basisVersion());
		ps.setLong(10, this.jobExecutionId);
	}

	private static void setMoney(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.DECIMAL);
		}
		else {
			ps.setBigDecimal(index, value);
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rowsWritten = executionContext.getLong(ROWS_WRITTEN_KEY, 0L);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putLong(ROWS_WRITTEN_KEY, this.rowsWritten);
	}

	private record YearRow(Illustration illustration, IllustrationYear year) {

	}

}
