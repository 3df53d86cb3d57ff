package batch.writer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
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
 * Upserts a chunk's projected contracts in batched statements: their events, numbered from 1, the
 * removal of events a contract no longer has, and their valuations. Counts the event rows
 * it wrote in the step's context, so that the count survives a restart.
 */
public class CashFlowWriter implements ItemStreamWriter<ProjectedContract> {

	/** Execution context key of the cash-flow rows written by this step. */
	public static final String ROWS_WRITTEN_KEY = "cashFlow.rowsWritten";

	static final String EVENT_UPSERT = Upsert.sql("cash_flow", List.of("contract_id", "seq"),
			List.of("event_date", "event_type", "currency", "payoff", "notional_principal", "nominal_interest_rate",
					"accrued_interest", "job_execution_id"));

	static final String VALUATION_UPSERT = Upsert.sql("contract_valuation", List.of("contract_id"),
			List.of("contract_type", "currency", "valuation_date", "pv", "events", "last_event_date",
					"job_execution_id"));

	// By exact key: a range delete would also lock the next contract's first row, which another
	// partition may be writing, and two partitions doing so deadlock on MySQL.
	static final String STALE_EVENT_DELETE = "DELETE FROM cash_flow WHERE contract_id = ? AND seq = ?";

	private static final String PREVIOUS_EVENT_COUNTS = "SELECT contract_id, events FROM contract_valuation"
			+ " WHERE contract_id IN (%s)";

	private final JdbcTemplate jdbc;

	private final long jobExecutionId;

	private long rowsWritten;

	private final WriteMetrics metrics;

	public CashFlowWriter(JdbcTemplate jdbc, long jobExecutionId, WriteMetrics metrics) {
		this.jdbc = jdbc;
		this.jobExecutionId = jobExecutionId;
		this.metrics = metrics;
	}

	@Override
	public void write(Chunk<? extends ProjectedContract> chunk) {
		List<EventRow> events = new ArrayList<>();
		for (ProjectedContract contract : chunk) {
			for (int i = 0; i < contract.events().size(); i++) {
				events.add(new EventRow(contract.events(), i));
			}
		}
		List<? extends ProjectedContract> contracts = chunk.getItems();
		List<Object[]> stale = staleEvents(contracts);
		this.jdbc.batchUpdate(EVENT_UPSERT, events, Upsert.BATCH_ROWS, this::setEvent);
		if (!stale.isEmpty()) {
			this.jdbc.batchUpdate(STALE_EVENT_DELETE, stale);
		}
		this.jdbc.batchUpdate(VALUATION_UPSERT, contracts, Upsert.BATCH_ROWS, this::setValuation);
		this.rowsWritten += events.size();
		this.metrics.projected(contracts.size());
		this.metrics.upserted("cash_flow", events.size());
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
		String placeholders = String.join(",", Collections.nCopies(current.size(), "?"));
		this.jdbc.query(PREVIOUS_EVENT_COUNTS.formatted(placeholders), (ResultSet rs) -> {
			String id = rs.getString(1);
			for (int seq = current.get(id) + 1; seq <= rs.getInt(2); seq++) {
				stale.add(new Object[] { id, seq });
			}
		}, current.keySet().toArray());
		return stale;
	}

	private void setEvent(PreparedStatement ps, EventRow row) throws SQLException {
		CashFlowProjection events = row.events();
		int i = row.index();
		ps.setString(1, events.contractId());
		ps.setInt(2, i + 1);
		ps.setObject(3, events.time(i).toLocalDate(), Types.DATE);
		ps.setString(4, events.type(i).name());
		ps.setString(5, events.currency());
		ps.setBigDecimal(6, decimal(events.payoff(i)));
		ps.setBigDecimal(7, decimal(events.notionalPrincipal(i)));
		ps.setBigDecimal(8, decimal(events.nominalInterestRate(i)));
		ps.setBigDecimal(9, decimal(events.accruedInterest(i)));
		ps.setLong(10, this.jobExecutionId);
	}

	private void setValuation(PreparedStatement ps, ProjectedContract contract) throws SQLException {
		CashFlowProjection events = contract.events();
		ps.setString(1, events.contractId());
		ps.setString(2, events.contractType().name());
		ps.setString(3, events.currency());
		ps.setObject(4, contract.valuationDate(), Types.DATE);
		ps.setBigDecimal(5, decimal(contract.presentValue()));
		ps.setInt(6, events.size());
		if (events.size() > 0) {
			ps.setObject(7, events.time(events.size() - 1).toLocalDate(), Types.DATE);
		}
		else {
			ps.setNull(7, Types.DATE);
		}
		ps.setLong(8, this.jobExecutionId);
	}

	/** A calculated figure as stored and exported: 10 decimal places. */
	static BigDecimal decimal(double value) {
		return BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP);
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

}
