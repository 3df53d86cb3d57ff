package batch.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import batch.domain.cashflow.CashFlowRejectReason;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * Synthetic contracts files of any size, the same for the same seed, with the market data they
 * need: a realistic mix of PAM, ANN, LAM and NAM from 1 to 30 years, monthly to yearly cycles,
 * every day count, fixed and floating; and on demand invalid rows, each with a known reason code.
 */
public final class ContractGenerator {

	/** The columns of a generated contracts file: ACTUS term names. */
	public static final List<String> HEADER = List.of("contractID", "contractType", "contractRole", "currency",
			"statusDate", "contractDealDate", "initialExchangeDate", "maturityDate", "notionalPrincipal",
			"nominalInterestRate", "dayCountConvention", "businessDayConvention", "calendar", "endOfMonthConvention",
			"cycleAnchorDateOfInterestPayment", "cycleOfInterestPayment", "cycleAnchorDateOfPrincipalRedemption",
			"cycleOfPrincipalRedemption", "nextPrincipalRedemptionPayment", "cycleAnchorDateOfRateReset",
			"cycleOfRateReset", "marketObjectCodeOfRateReset", "rateSpread", "rateMultiplier",
			"premiumDiscountAtIED", "amortizationDate");

	private static final String[] CURRENCIES = { "USD", "EUR", "INR", "GBP" };

	private static final String[] RATE_INDICES = { "USD.SOFR", "EUR.EURIBOR", "INR.MIBOR", "GBP.SONIA" };

	private static final String[] DAY_COUNTS = { "A365", "A360", "AA", "30E360", "30E360ISDA" };

	private static final String[] CYCLES = { "P1M", "P3M", "P6M", "P1Y" };

	private static final int[] CYCLE_MONTHS = { 1, 3, 6, 12 };

	/** Market data starts here and runs to the last status date. */
	private static final LocalDate FIRST_OBSERVATION = LocalDate.of(2015, 1, 1);

	private static final LocalDate LAST_STATUS_DATE = LocalDate.of(2026, 12, 31);

	/** The reasons an invalid row may have; MISSING_MARKET_DATA shows only when projected. */
	private static final CashFlowRejectReason[] BREAKABLE = CashFlowRejectReason.values();

	private final SplittableRandom random;

	private final double invalidFraction;

	private final List<String> validIds = new ArrayList<>();

	private final String idPrefix;

	private long nextId = 1;

	public ContractGenerator(long seed, double invalidFraction) {
		this(seed, invalidFraction, "C");
	}

	/** @param idPrefix what every contract id starts with */
	public ContractGenerator(long seed, double invalidFraction, String idPrefix) {
		this.random = new SplittableRandom(seed);
		this.invalidFraction = invalidFraction;
		this.idPrefix = idPrefix;
	}

	/** Writes the header and {@code count} contracts, telling {@code invalidRows} each broken row. */
	public void writeContracts(Writer out, long count, InvalidRowListener invalidRows) throws IOException {
		try (ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
			csv.writeNext(HEADER.toArray(String[]::new), false);
			for (long i = 0; i < count; i++) {
				Row row = next();
				csv.writeNext(row.values(), false);
				if (row.breaks() != null) {
					invalidRows.invalid(i + 2, row.breaks());
				}
			}
			check(csv);
		}
	}

	/** Writes monthly observations of every rate index from 2015 to the end of 2026. */
	public void writeObservations(Writer out) throws IOException {
		try (ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
			csv.writeNext(new String[] { "market_object_code", "date", "value" }, false);
			for (int index = 0; index < RATE_INDICES.length; index++) {
				double rate = 0.01 + 0.01 * index;
				for (LocalDate date = FIRST_OBSERVATION; !date.isAfter(LAST_STATUS_DATE); date = date.plusMonths(1)) {
					rate = Math.min(0.12, Math.max(0.0, rate + (this.random.nextDouble() - 0.5) * 0.002));
					csv.writeNext(new String[] { RATE_INDICES[index], date.toString(), decimal(rate, 6) }, false);
				}
			}
			check(csv);
		}
	}

	/** Writes an upward-sloping zero curve for every currency. */
	public void writeCurves(Writer out) throws IOException {
		String[] tenors = { "1M", "3M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "15Y", "20Y", "30Y" };
		double[] years = { 1.0 / 12, 0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30 };
		try (ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
			csv.writeNext(new String[] { "currency", "tenor", "zero_rate" }, false);
			for (int c = 0; c < CURRENCIES.length; c++) {
				double shortRate = 0.02 + 0.015 * c;
				for (int t = 0; t < tenors.length; t++) {
					double rate = shortRate + 0.02 * (1 - Math.exp(-years[t] / 5));
					csv.writeNext(new String[] { CURRENCIES[c], tenors[t], decimal(rate, 6) }, false);
				}
			}
			check(csv);
		}
	}

	public Row next() {
		if (this.random.nextDouble() < this.invalidFraction) {
			CashFlowRejectReason reason = BREAKABLE[this.random.nextInt(BREAKABLE.length)];
			if (reason == CashFlowRejectReason.DUPLICATE_CONTRACT_ID && this.validIds.isEmpty()) {
				reason = CashFlowRejectReason.UNKNOWN_CONTRACT_TYPE;
			}
			return new Row(invalid(reason), reason);
		}
		Map<String, String> contract = contract();
		this.validIds.add(contract.get("contractID"));
		return new Row(row(contract), null);
	}

	private String[] invalid(CashFlowRejectReason reason) {
		Map<String, String> contract = contract();
		switch (reason) {
			case MALFORMED_ROW -> {
				String[] values = row(contract);
				String[] shorter = new String[values.length - 2];
				System.arraycopy(values, 0, shorter, 0, shorter.length);
				return shorter;
			}
			case MISSING_TERM -> contract.put(this.random.nextBoolean() ? "contractRole" : "currency", "");
			case MALFORMED_DATE -> contract.put("maturityDate", this.random.nextBoolean() ? "2031-02-30" : "1/1/2031");
			case MALFORMED_NUMBER -> contract.put("notionalPrincipal", this.random.nextBoolean() ? "1,000,000" : "1e6x");
			case UNKNOWN_CONTRACT_TYPE -> contract.put("contractType", "SWAPS");
			case UNKNOWN_CONVENTION -> contract.put("dayCountConvention", "ACT/ACT");
			case UNSUPPORTED_TERM -> {
				contract.put("contractType", "PAM");
				contract.put("cycleAnchorDateOfPrincipalRedemption", "");
				contract.put("cycleOfPrincipalRedemption", "");
				contract.put("nextPrincipalRedemptionPayment", "");
				contract.put("amortizationDate", contract.get("maturityDate"));
			}
			case INCONSISTENT_TERMS -> contract.put("maturityDate", contract.get("initialExchangeDate"));
			case DUPLICATE_CONTRACT_ID -> contract.put("contractID",
					this.validIds.get(this.random.nextInt(this.validIds.size())));
			case MISSING_MARKET_DATA -> {
				contract.put("cycleAnchorDateOfRateReset", contract.get("cycleAnchorDateOfInterestPayment"));
				contract.put("cycleOfRateReset", "P1YL1");
				contract.put("marketObjectCodeOfRateReset", "NOT.OBSERVED");
				contract.put("rateSpread", "0.01");
			}
		}
		return row(contract);
	}

	private Map<String, String> contract() {
		Map<String, String> terms = new LinkedHashMap<>();
		HEADER.forEach((name) -> terms.put(name, ""));
		double pick = this.random.nextDouble();
		String type = (pick < 0.35) ? "PAM" : (pick < 0.65) ? "ANN" : (pick < 0.85) ? "LAM" : "NAM";
		int currency = this.random.nextInt(CURRENCIES.length);
		LocalDate status = LAST_STATUS_DATE.minusDays(this.random.nextInt(365));
		LocalDate exchange = (this.random.nextInt(5) == 0) ? status.minusDays(1 + this.random.nextInt(300))
				: status.plusDays(1 + this.random.nextInt(60));
		int years = 1 + this.random.nextInt(30);
		int cycle = this.random.nextInt(CYCLES.length);
		if (years == 1 && cycle == 3 && !type.equals("PAM")) {
			cycle = 1;
		}
		LocalDate maturity = exchange.plusYears(years);
		long notional = Math.round(Math.exp(Math.log(10_000) + this.random.nextDouble() * Math.log(500)) / 100) * 100;
		double rate = 0.01 + this.random.nextInt(1100) / 10_000.0;
		String stub = this.random.nextInt(4) == 0 ? "L0" : "L1";
		terms.put("contractID", this.idPrefix + String.format(Locale.ROOT, "%09d", this.nextId++));
		terms.put("contractType", type);
		terms.put("contractRole", (this.random.nextInt(5) == 0) ? "RPL" : "RPA");
		terms.put("currency", CURRENCIES[currency]);
		terms.put("statusDate", status.toString());
		terms.put("contractDealDate", status.minusDays(this.random.nextInt(30)).toString());
		terms.put("initialExchangeDate", exchange.toString());
		terms.put("maturityDate", maturity.toString());
		terms.put("notionalPrincipal", Long.toString(notional));
		terms.put("nominalInterestRate", decimal(rate, 4));
		terms.put("dayCountConvention", DAY_COUNTS[this.random.nextInt(DAY_COUNTS.length)]);
		if (this.random.nextInt(4) == 0) {
			terms.put("businessDayConvention", this.random.nextBoolean() ? "SCF" : "SCMF");
			terms.put("calendar", "MF");
		}
		terms.put("endOfMonthConvention", this.random.nextBoolean() ? "SD" : "EOM");
		LocalDate firstPayment = exchange.plusMonths(CYCLE_MONTHS[cycle]);
		terms.put("cycleAnchorDateOfInterestPayment", firstPayment.toString());
		terms.put("cycleOfInterestPayment", CYCLES[cycle] + stub);
		if (!type.equals("PAM")) {
			terms.put("cycleAnchorDateOfPrincipalRedemption", firstPayment.toString());
			terms.put("cycleOfPrincipalRedemption", CYCLES[cycle] + stub);
			int payments = Math.max(1, years * 12 / CYCLE_MONTHS[cycle]);
			if (type.equals("LAM")) {
				terms.put("nextPrincipalRedemptionPayment", Long.toString(notional / payments));
			}
			else if (type.equals("NAM")) {
				double interest = notional * rate * CYCLE_MONTHS[cycle] / 12;
				terms.put("nextPrincipalRedemptionPayment", decimal(notional / (double) payments + interest, 2));
			}
		}
		if (this.random.nextInt(10) < 3) {
			int reset = this.random.nextBoolean() ? 6 : 12;
			terms.put("cycleAnchorDateOfRateReset", exchange.plusMonths(reset).toString());
			terms.put("cycleOfRateReset", ((reset == 6) ? "P6M" : "P1Y") + "L1");
			terms.put("marketObjectCodeOfRateReset", RATE_INDICES[currency]);
			terms.put("rateSpread", decimal(0.005 + this.random.nextInt(250) / 10_000.0, 4));
			terms.put("rateMultiplier", "1");
		}
		if (this.random.nextInt(10) == 0) {
			terms.put("premiumDiscountAtIED", Long.toString(-notional / 100));
		}
		return terms;
	}

	private static String[] row(Map<String, String> terms) {
		return HEADER.stream().map(terms::get).toArray(String[]::new);
	}

	private static String decimal(double value, int places) {
		return String.format(Locale.ROOT, "%." + places + "f", value);
	}

	private static void check(ICSVWriter csv) throws IOException {
		csv.flush();
		if (csv.checkError()) {
			throw new IOException("writing the file failed");
		}
	}

	/**
	 * A generated row.
	 * @param breaks the reason it is rejected with, or null when it is valid
	 */
	public record Row(String[] values, CashFlowRejectReason breaks) {

	}

	/** Learns where the invalid rows are. */
	@FunctionalInterface
	public interface InvalidRowListener {

		void invalid(long lineNumber, CashFlowRejectReason reason);

	}

}
