package batch.writer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

import batch.domain.illustration.Illustration;
import batch.domain.illustration.IllustrationYear;
import batch.domain.illustration.ScenarioOutcome;
import batch.domain.illustration.ScenarioValues;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts a chunk's illustrations: the yearly rows and the summaries, then removes the years
 * beyond a policy's term that an earlier run with a longer term left. Counts the rows it wrote
 * in the step's context, so that the count survives a restart.
 */
public class IllustrationWriter implements ItemStreamWriter<Illustration> {

	/** Execution context key of the illustration rows written by this step. */
	public static final String ROWS_WRITTEN_KEY = "illustration.rowsWritten";

	private final Upsert<YearRow> years = new Upsert<>("illustration", List.of("policy_id", "policy_year"),
			List.of("product_code", "age", "premium", "total_premiums_paid", "guaranteed_death_benefit",
					"guaranteed_surrender_value", "death_benefit_4", "surrender_value_4", "maturity_benefit_4",
					"accrued_bonus_4", "fund_value_4", "death_benefit_8", "surrender_value_8", "maturity_benefit_8",
					"accrued_bonus_8", "fund_value_8", "basis_version", "job_execution_id"),
			this::year);

	private final Upsert<Illustration> summaries = new Upsert<>("illustration_summary", List.of("policy_id"),
			List.of("product_code", "annual_premium", "maturity_benefit_4", "maturity_benefit_8", "irr_4", "irr_8",
					"status", "basis_version", "job_execution_id"),
			this::summary);

	// The last year each policy has now: only a policy whose term has shortened since has years to
	// remove. Asked some policies at a time: see KeyLists.
	private static final String LAST_YEARS = "SELECT policy_id, MAX(policy_year) FROM illustration"
			+ " WHERE policy_id IN (%s) GROUP BY policy_id";

	static final String STALE_YEARS_DELETE = "DELETE FROM illustration WHERE policy_id = ? AND policy_year > ?";

	private final JdbcTemplate jdbc;

	private final BulkWriter bulk;

	private final long jobExecutionId;

	private long rowsWritten;

	private final WriteMetrics metrics;

	public IllustrationWriter(JdbcTemplate jdbc, BulkWriter bulk, long jobExecutionId, WriteMetrics metrics) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.jobExecutionId = jobExecutionId;
		this.metrics = metrics;
	}

	@Override
	public void write(Chunk<? extends Illustration> chunk) {
		List<YearRow> rows = new ArrayList<>(chunk.size() * 20);
		for (Illustration illustration : chunk) {
			for (IllustrationYear year : illustration.years()) {
				rows.add(new YearRow(illustration, year));
			}
		}
		List<? extends Illustration> illustrations = chunk.getItems();
		List<Object[]> stale = staleYears(illustrations);
		this.bulk.upsert(this.years, rows);
		this.bulk.upsert(this.summaries, illustrations);
		if (!stale.isEmpty()) {
			this.jdbc.batchUpdate(STALE_YEARS_DELETE, stale);
		}
		this.rowsWritten += rows.size();
		this.metrics.illustrated(illustrations.size());
		this.metrics.upserted("illustration", rows.size());
		this.metrics.upserted("illustration_summary", illustrations.size());
	}

	private List<Object[]> staleYears(List<? extends Illustration> illustrations) {
		List<Object[]> stale = new ArrayList<>();
		if (illustrations.isEmpty()) {
			return stale;
		}
		Map<Long, Integer> terms = new HashMap<>();
		for (Illustration illustration : illustrations) {
			terms.put(illustration.policyId(), illustration.policy().term());
		}
		for (List<?> some : KeyLists.slices(terms.keySet())) {
			this.jdbc.query(LAST_YEARS.formatted(KeyLists.placeholders(some)), (rs) -> {
				long policyId = rs.getLong(1);
				int term = terms.get(policyId);
				if (rs.getInt(2) > term) {
					stale.add(new Object[] { policyId, term });
				}
			}, some.toArray());
		}
		return stale;
	}

	private void year(YearRow row, Row values) throws SQLException {
		IllustrationYear year = row.year();
		values.add(row.illustration().policyId());
		values.add(year.year());
		values.add(row.illustration().policy().product().name());
		values.add(year.age());
		values.add(year.premium());
		values.add(year.totalPremiumsPaid());
		values.add(year.guaranteedDeathBenefit());
		values.add(year.guaranteedSurrenderValue());
		for (ScenarioValues scenario : year.scenarios()) {
			values.add(scenario.deathBenefit());
			values.add(scenario.surrenderValue());
			values.add(scenario.maturityBenefit());
			values.add(scenario.accruedBonus());
			values.add(scenario.fundValue());
		}
		values.add(row.illustration().basisVersion());
		values.add(this.jobExecutionId);
	}

	private void summary(Illustration illustration, Row values) throws SQLException {
		values.add(illustration.policyId());
		values.add(illustration.policy().product().name());
		values.add(illustration.annualPremium());
		List<ScenarioOutcome> outcomes = illustration.outcomes();
		values.add(outcomes.get(0).maturityBenefit());
		values.add(outcomes.get(1).maturityBenefit());
		values.add(outcomes.get(0).irr());
		values.add(outcomes.get(1).irr());
		values.add(illustration.status().name());
		values.add(illustration.basisVersion());
		values.add(this.jobExecutionId);
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
