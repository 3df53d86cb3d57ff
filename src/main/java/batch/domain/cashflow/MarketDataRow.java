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

	/** The header of the observed events file. */
	public static final List<String> EVENTS_HEADER = List.of("contract_id", "time", "type", "value");

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
	 * An event observed on a contract: a call notice (XD), an unscheduled payment, a monitoring
	 * time (AD); its value an amount, or 0 where the type carries none.
	 */
	public record ObservedEvent(String contractId, LocalDateTime time, String type, double value) {

	}

	/**
	 * @throws ContractRejectedException naming the first problem
	 */
	public static ObservedEvent observedEvent(String[] values) {
		requireWidth(values, 4);
		String contractId = required(values[0], "contract_id");
		String date = required(values[1], "time");
		String type = required(values[2], "type");
		String value = (values[3] == null || values[3].isBlank()) ? "0" : values[3].strip();
		if (contractId.length() > MAX_CODE_LENGTH) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"contract_id must be at most " + MAX_CODE_LENGTH + " characters");
		}
		LocalDateTime time = time("time", date);
		double amount = number("value", value);
		return new ObservedEvent(contractId, time, ObservedEvents.eventType(type).name(), amount);
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
		return new Observation(code, time("date", date), number("value", value));
	}

	private static LocalDateTime time(String name, String date) {
		try {
			return (date.length() > 10) ? LocalDateTime.parse(date) : LocalDate.parse(date).atStartOfDay();
		}
		catch (DateTimeParseException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_DATE,
					name + " must be yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
		}
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
