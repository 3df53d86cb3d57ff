package batch.writer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import batch.domain.cashflow.CashFlowProjection;
import batch.processor.ProjectedContract;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts a chunk's projected contracts: their events, numbered from 1, each in the currency it
 * pays in, the removal of events a contract no longer has, and their valuations (with the value
 * in each other currency a contract pays in). Counts the event rows
 * it wrote in the step's context, so that the count survives a restart.
 */
public class CashFlowWriter implements ItemStreamWriter<ProjectedContract> {

	/** Execution context key of the cash-flow rows written by this step. */
	public static final String ROWS_WRITTEN_KEY = "cashFlow.rowsWritten";

	private final Upsert<EventRow> events = new Upsert<>("cash_flow", List.of("contract_id", "seq"),
			List.of("event_date", "event_type", "currency", "payoff", "notional_principal", "nominal_interest_rate",
					"accrued_interest", "job_execution_id"),
			this::event);

	private final Upsert<ProjectedContract> valuations = new Upsert<>("contract_valuation", List.of("contract_id"),
			List.of("contract_type", "currency", "valuation_date", "pv", "events", "last_event_date",
					"job_execution_id"),
			this::valuation);

	private final Upsert<LegValue> legs = new Upsert<>("contract_valuation_currency",
			List.of("contract_id", "currency"), List.of("pv", "job_execution_id"), this::leg);

	// By exact key: a range delete would also lock the next contract's first row, which another
	// partition may be writing, and two partitions doing so deadlock on MySQL.
	static final String STALE_EVENT_DELETE = "DELETE FROM cash_flow WHERE contract_id = ? AND seq = ?";

	// asked some contracts at a time: see KeyLists
	private static final String PREVIOUS_EVENT_COUNTS = "SELECT contract_id, events FROM contract_valuation"
			+ " WHERE contract_id IN (%s)";

	private final JdbcTemplate jdbc;

	private final BulkWriter bulk;

	private final long jobExecutionId;

	private long rowsWritten;

	private final WriteMetrics metrics;

	public CashFlowWriter(JdbcTemplate jdbc, BulkWriter bulk, long jobExecutionId, WriteMetrics metrics) {
		this.jdbc = jdbc;
		this.bulk = bulk;
		this.jobExecutionId = jobExecutionId;
		this.metrics = metrics;
	}

	@Override
	public void write(Chunk<? extends ProjectedContract> chunk) {
		List<EventRow> rows = new ArrayList<>();
		for (ProjectedContract contract : chunk) {
			for (int i = 0; i < contract.events().size(); i++) {
				rows.add(new EventRow(contract.events(), i));
			}
		}
		List<? extends ProjectedContract> contracts = chunk.getItems();
		List<Object[]> stale = staleEvents(contracts);
		this.bulk.upsert(this.events, rows);
		if (!stale.isEmpty()) {
			this.jdbc.batchUpdate(STALE_EVENT_DELETE, stale);
		}
		this.bulk.upsert(this.valuations, contracts);
		List<LegValue> legs = new ArrayList<>();
		for (ProjectedContract contract : contracts) {
			contract.otherCurrencies()
				.forEach((currency, pv) -> legs.add(new LegValue(contract.events().contractId(), currency, pv)));
		}
		if (!legs.isEmpty()) {
			this.bulk.upsert(this.legs, legs);
		}
		this.rowsWritten += rows.size();
		this.metrics.projected(contracts.size());
		this.metrics.upserted("cash_flow", rows.size());
		this.metrics.upserted("contract_valuation", contracts.size());
	}

	// The keys of the events the contracts had beyond those they have now: their previous
	// valuations, written with their events, say how many there were.
	private List<Object[]> staleEvents(List<? extends ProjectedContract> contracts) {
		List<Object[]> stale = new ArrayList<>();
		if (contracts.isEmpty()) {
			return stale;
		}
		Map<String, Integer> current = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (ProjectedContract contract : contracts) {
			current.put(contract.events().contractId(), contract.events().size());
		}
		for (List<?> some : KeyLists.slices(current.keySet())) {
			this.jdbc.query(PREVIOUS_EVENT_COUNTS.formatted(KeyLists.placeholders(some)), (ResultSet rs) -> {
				String id = rs.getString(1);
				for (int seq = current.get(id) + 1; seq <= rs.getInt(2); seq++) {
					stale.add(new Object[] { id, seq });
				}
			}, some.toArray());
		}
		return stale;
	}

	private void event(EventRow row, Row values) throws SQLException {
		CashFlowProjection projection = row.events();
		int i = row.index();
		values.add(projection.contractId());
		values.add(i + 1);
		values.add(projection.time(i).toLocalDate());
		values.add(projection.type(i).name());
		values.add(projection.currency(i));
		values.add(decimal(projection.payoff(i)));
		values.add(decimal(projection.notionalPrincipal(i)));
		values.add(decimal(projection.nominalInterestRate(i)));
		values.add(decimal(projection.accruedInterest(i)));
		values.add(this.jobExecutionId);
	}

	private void valuation(ProjectedContract contract, Row values) throws SQLException {
		CashFlowProjection projection = contract.events();
		values.add(projection.contractId());
		values.add(projection.contractType().name());
		values.add(projection.currency());
		values.add(contract.valuationDate());
		values.add(decimal(contract.presentValue()));
		values.add(projection.size());
		values.add((projection.size() > 0) ? projection.time(projection.size() - 1).toLocalDate() : null);
		values.add(this.jobExecutionId);
	}

	private void leg(LegValue leg, Row values) throws SQLException {
		values.add(leg.contractId());
		values.add(leg.currency());
		values.add(decimal(leg.presentValue()));
		values.add(this.jobExecutionId);
	}

	/** A calculated figure as stored and exported: 10 decimal places ({@link TenDecimalPlaces}). */
	static BigDecimal decimal(double value) {
		return TenDecimalPlaces.of(value);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rowsWritten = executionContext.getLong(ROWS_WRITTEN_KEY, 0L);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putLong(ROWS_WRITTEN_KEY, this.rowsWritten);
	}

	private record EventRow(CashFlowProjection events, int index) {

	}

	private record LegValue(String contractId, String currency, double presentValue) {

	}

}
