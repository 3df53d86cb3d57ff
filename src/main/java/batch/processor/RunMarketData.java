package batch.processor;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.MarketData;
import batch.domain.cashflow.ObservedMarketData;
import batch.domain.cashflow.YieldCurve;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The market data a run imported: rate observations for resets, and a zero curve per currency.
 */
final class RunMarketData {

	private final ObservedMarketData observations;

	private final Map<String, YieldCurve> curves;

	private RunMarketData(ObservedMarketData observations, Map<String, YieldCurve> curves) {
		this.observations = observations;
		this.curves = curves;
	}

	static RunMarketData of(ObservedMarketData observations, Map<String, YieldCurve> curves) {
		return new RunMarketData(observations, Map.copyOf(curves));
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
		return of(observations.build(), curves);
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
