package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks the rows of the market data files: rate observations
 * ({@code market_object_code,date,value}) and zero curves ({@code currency,tenor,zero_rate}).
 */
public final class MarketDataRow {

	/** The header of the observations file. */
	public static final List<String> OBSERVATIONS_HEADER = List.of("market_object_code", "date", "value");

	/** The header of the curves file. */
	public static final List<String> CURVES_HEADER = List.of("currency", "tenor", "zero_rate");

	/** The longest market object code the tables hold. */
	public static final int MAX_CODE_LENGTH = 64;

	private MarketDataRow() {
	}

	/** A rate observed for a market object at a time. */
	public record Observation(String marketObjectCode, LocalDateTime time, double value) {

	}

	/** A zero rate of a currency's curve at a tenor. */
	public record CurvePoint(String currency, String tenor, double zeroRate) {

	}

	/**
	 * @throws ContractRejectedException naming the first problem
	 */
	public static Observation observation(String[] values) {
		requireWidth(values, 3);
		String code = required(values[0], "market_object_code");
		String date = required(values[1], "date");
		String value = required(values[2], "value");
		if (code.length() > MAX_CODE_LENGTH) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"market_object_code must be at most " + MAX_CODE_LENGTH + " characters");
		}
		LocalDateTime time;
		try {
			time = (date.length() > 10) ? LocalDateTime.parse(date) : LocalDate.parse(date).atStartOfDay();
		}
		catch (DateTimeParseException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_DATE,
					"date must be yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
		}
		return new Observation(code, time, number("value", value));
	}

	/**
	 * @throws ContractRejectedException naming the first problem
	 */
	public static CurvePoint curvePoint(String[] values) {
		requireWidth(values, 3);
		String currency = required(values[0], "currency");
		String tenor = required(values[1], "tenor");
		double rate = number("zero_rate", required(values[2], "zero_rate"));
		if (!ContractTerms.isCurrencyCode(currency)) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"currency must be a three-letter ISO 4217 code, e.g. USD");
		}
		if (YieldCurve.tenor(tenor) == null) {
			throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
					"tenor must be one of 1M, 3M, 6M, 1Y, 2Y, 3Y, 5Y, 7Y, 10Y, 15Y, 20Y, 30Y");
		}
		if (rate <= -1) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"zero_rate must be above -1");
		}
		return new CurvePoint(currency, tenor, rate);
	}

	private static void requireWidth(String[] values, int width) {
		if (values.length != width) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW,
					"the row has " + values.length + " columns, expected " + width);
		}
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new ContractRejectedException(CashFlowRejectReason.MISSING_TERM, name + " is empty");
		}
		return value.strip();
	}

	private static double number(String name, String value) {
		try {
			double number = Double.parseDouble(value);
			if (!Double.isNaN(number) && !Double.isInfinite(number) && value.matches("[+-]?[0-9.eE+-]+")) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_NUMBER, name + " must be a number");
	}

}
