package batch.processor;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.MarketData;
import batch.domain.cashflow.ObservedEvents;
import batch.domain.cashflow.ObservedMarketData;
import batch.domain.cashflow.YieldCurve;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The market data a run imported: rate observations for resets, a zero curve per currency, and the
 * events observed on its contracts.
 */
final class RunMarketData {

	private final ObservedMarketData observations;

	private final Map<String, YieldCurve> curves;

	private final Map<String, ObservedEvents> events;

	private RunMarketData(ObservedMarketData observations, Map<String, YieldCurve> curves,
			Map<String, ObservedEvents> events) {
		this.observations = observations;
		this.curves = curves;
		this.events = events;
	}

	static RunMarketData of(ObservedMarketData observations, Map<String, YieldCurve> curves) {
		return new RunMarketData(observations, Map.copyOf(curves), Map.of());
	}

	public static RunMarketData load(JdbcTemplate jdbc, long jobInstanceId) {
		ObservedMarketData.Builder observations = ObservedMarketData.builder();
		jdbc.query("SELECT market_object_code, observed_at, observed_value FROM rate_observation"
				+ " WHERE job_instance_id = ?", (rs) -> {
					observations.observe(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getDouble(3));
				}, jobInstanceId);
		Map<String, Map<String, Double>> points = new HashMap<>();
		jdbc.query("SELECT currency, tenor, zero_rate FROM yield_curve_point WHERE job_instance_id = ?", (rs) -> {
			points.computeIfAbsent(rs.getString(1), (currency) -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
		}, jobInstanceId);
		Map<String, YieldCurve> curves = new HashMap<>();
		points.forEach((currency, rates) -> curves.put(currency, YieldCurve.of(rates)));
		// in the order of time, then type, so that a contract's events are given as they happened
		Map<String, ObservedEvents.Builder> events = new HashMap<>();
		jdbc.query("SELECT contract_id, observed_at, event_type, event_value FROM observed_event"
				+ " WHERE job_instance_id = ? ORDER BY contract_id, observed_at, event_type", (rs) -> {
					events.computeIfAbsent(rs.getString(1), (id) -> ObservedEvents.builder())
						.observe(rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getDouble(4));
				}, jobInstanceId);
		Map<String, ObservedEvents> built = new HashMap<>();
		events.forEach((contract, builder) -> built.put(contract, builder.build()));
		return new RunMarketData(observations.build(), Map.copyOf(curves), built);
	}

	/** The events observed on a contract, none if the run has no events file or none for it. */
	public ObservedEvents events(String contractId) {
		return this.events.getOrDefault(contractId, ObservedEvents.NONE);
	}

	public MarketData observations() {
		return this.observations;
	}

	/**
	 * @throws ContractRejectedException MISSING_MARKET_DATA when the run has no curve for it
	 */
	public YieldCurve curve(String currency) {
		YieldCurve curve = this.curves.get(currency);
		if (curve == null) {
			throw new ContractRejectedException(CashFlowRejectReason.MISSING_MARKET_DATA,
					"no yield curve for the currency " + currency);
		}
		return curve;
	}

}
