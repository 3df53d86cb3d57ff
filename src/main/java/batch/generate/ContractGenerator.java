package batch.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractType;
import com.carrotsearch.hppc.LongArrayList;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * Synthetic contracts files of any size, the same for the same seed, with the market data they
 * need: a bank's book of the ACTUS types in realistic shares (or of the types asked for), loans of
 * 1 to 30 years with monthly to yearly cycles, every day count, fixed and floating, step-down
 * loans, call money and savings accounts, swaps and FX forwards, stock, commodity and cash
 * positions; and on demand invalid rows, each with a known reason code. A contract without an end
 * by its terms (an open account, cash) is projected only up to a horizon: without one it is
 * rejected (MISSING_HORIZON), and its row says so.
 */
public final class ContractGenerator {

	/** The columns every generated contracts file has: the lending types' terms. */
	private static final List<String> LENDING_COLUMNS = List.of("contractID", "contractType", "contractRole",
			"currency", "statusDate", "contractDealDate", "initialExchangeDate", "maturityDate", "notionalPrincipal",
			"nominalInterestRate", "dayCountConvention", "businessDayConvention", "calendar", "endOfMonthConvention",
			"cycleAnchorDateOfInterestPayment", "cycleOfInterestPayment", "cycleAnchorDateOfPrincipalRedemption",
			"cycleOfPrincipalRedemption", "nextPrincipalRedemptionPayment", "cycleAnchorDateOfRateReset",
			"cycleOfRateReset", "marketObjectCodeOfRateReset", "rateSpread", "rateMultiplier",
			"premiumDiscountAtIED", "amortizationDate");

	/** The columns the other types add, by type. */
	private static final Map<ContractType, List<String>> OTHER_COLUMNS = new EnumMap<>(Map.of(
			ContractType.LAX, List.of("arrayCycleAnchorDateOfPrincipalRedemption", "arrayCycleOfPrincipalRedemption",
					"arrayNextPrincipalRedemptionPayment", "arrayIncreaseDecrease",
					"arrayCycleAnchorDateOfInterestPayment", "arrayCycleOfInterestPayment"),
			ContractType.CLM, List.of("xDayNotice"),
			ContractType.UMP, List.of("xDayNotice", "terminationDate", "priceAtTerminationDate"),
			ContractType.SWPPV, List.of("nominalInterestRate2", "deliverySettlement"),
			ContractType.FXOUT, List.of("currency2", "notionalPrincipal2", "deliverySettlement"),
			ContractType.STK, List.of("purchaseDate", "priceAtPurchaseDate", "terminationDate",
					"priceAtTerminationDate"),
			ContractType.COM, List.of("quantity", "unit", "purchaseDate", "priceAtPurchaseDate", "terminationDate",
					"priceAtTerminationDate")));

	/**
	 * The share of each type in a book with every type, as a bank's: mostly loans and deposits,
	 * a few swaps and forwards, positions beside them.
	 */
	private static final Map<ContractType, Double> SHARES = new EnumMap<>(Map.ofEntries(
			Map.entry(ContractType.PAM, 0.26), Map.entry(ContractType.ANN, 0.22), Map.entry(ContractType.LAM, 0.12),
			Map.entry(ContractType.NAM, 0.06), Map.entry(ContractType.LAX, 0.05), Map.entry(ContractType.CLM, 0.04),
			Map.entry(ContractType.UMP, 0.08), Map.entry(ContractType.SWPPV, 0.06),
			Map.entry(ContractType.FXOUT, 0.04), Map.entry(ContractType.STK, 0.03), Map.entry(ContractType.COM, 0.02),
			Map.entry(ContractType.CSH, 0.02)));

	/** The columns of a generated contracts file with every type: ACTUS term names. */
	public static final List<String> HEADER = header(EnumSet.allOf(ContractType.class));

	private static final String[] CURRENCIES = { "USD", "EUR", "INR", "GBP" };

	private static final Map<String, Integer> CURRENCY_INDEX = Map.of("USD", 0, "EUR", 1, "INR", 2, "GBP", 3);

	/** Roughly what a unit of each currency is worth in US dollars, for forwards. */
	private static final double[] FX_TO_USD = { 1.0, 1.08, 0.012, 1.27 };

	private static final String[] COMMODITY_UNITS = { "BRL", "GLN", "TON", "TRO", "MWH" };

	private static final ContractType[] LENDING = { ContractType.PAM, ContractType.ANN, ContractType.LAM,
			ContractType.NAM };

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

	private final List<String> header;

	private final ContractType[] types;

	// the cumulative shares of the types, to pick one
	private final double[] shares;

	// the numbers of the valid contracts' ids so far, for a duplicate to copy: as longs, as the
	// policy generator keeps its ids, so that a large book generates in a small heap
	private final LongArrayList validIds = new LongArrayList();

	private final String idPrefix;

	private long nextId = 1;

	public ContractGenerator(long seed, double invalidFraction) {
		this(seed, invalidFraction, "C");
	}

	/** @param idPrefix what every contract id starts with */
	public ContractGenerator(long seed, double invalidFraction, String idPrefix) {
		this(seed, invalidFraction, idPrefix, EnumSet.allOf(ContractType.class));
	}

	/**
	 * @param idPrefix what every contract id starts with
	 * @param types the types to generate, in their shares of a whole book
	 */
	public ContractGenerator(long seed, double invalidFraction, String idPrefix, Set<ContractType> types) {
		if (types.isEmpty()) {
			throw new IllegalArgumentException("at least one contract type");
		}
		this.random = new SplittableRandom(seed);
		this.invalidFraction = invalidFraction;
		this.idPrefix = idPrefix;
		this.header = header(types);
		this.types = types.toArray(ContractType[]::new);
		this.shares = new double[this.types.length];
		double total = types.stream().mapToDouble(SHARES::get).sum();
		double sum = 0;
		for (int i = 0; i < this.types.length; i++) {
			sum += SHARES.get(this.types[i]) / total;
			this.shares[i] = sum;
		}
	}

	private static List<String> header(Set<ContractType> types) {
		List<String> header = new ArrayList<>(LENDING_COLUMNS);
		for (ContractType type : ContractType.values()) {
			if (types.contains(type)) {
				OTHER_COLUMNS.getOrDefault(type, List.of())
					.stream()
					.filter((column) -> !header.contains(column))
					.forEach(header::add);
			}
		}
		return List.copyOf(header);
	}

	/** The columns of the contracts file this generator writes. */
	public List<String> header() {
		return this.header;
	}

	/** Writes the header and {@code count} contracts, telling {@code invalidRows} each broken row. */
	public void writeContracts(Writer out, long count, InvalidRowListener invalidRows) throws IOException {
		try (ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
			csv.writeNext(this.header.toArray(String[]::new), false);
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

	private String id(long number) {
		return this.idPrefix + String.format(Locale.ROOT, "%09d", number);
	}

	public Row next() {
		if (this.random.nextDouble() < this.invalidFraction) {
			CashFlowRejectReason reason = BREAKABLE[this.random.nextInt(BREAKABLE.length)];
			if (reason == CashFlowRejectReason.DUPLICATE_CONTRACT_ID && this.validIds.isEmpty()) {
				reason = CashFlowRejectReason.UNKNOWN_CONTRACT_TYPE;
			}
			return new Row(invalid(reason), reason);
		}
		Map<String, String> contract = contract(pickType());
		this.validIds.add(Long.parseLong(contract.get("contractID").substring(this.idPrefix.length())));
		return new Row(row(contract), ends(contract) ? null : CashFlowRejectReason.MISSING_HORIZON);
	}

	private ContractType pickType() {
		double pick = this.random.nextDouble();
		for (int i = 0; i < this.types.length - 1; i++) {
			if (pick < this.shares[i]) {
				return this.types[i];
			}
		}
		return this.types[this.types.length - 1];
	}

	// Whether a contract ends by its terms; one that does not needs a horizon to be projected.
	private static boolean ends(Map<String, String> contract) {
		return !contract.getOrDefault("maturityDate", "").isEmpty()
				|| !contract.getOrDefault("terminationDate", "").isEmpty();
	}

	// A lending contract with one thing wrong; a missing horizon is a cash position's, which never ends.
	private String[] invalid(CashFlowRejectReason reason) {
		Map<String, String> contract = lending(LENDING[this.random.nextInt(LENDING.length)]);
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
					id(this.validIds.get(this.random.nextInt(this.validIds.size()))));
			case MISSING_HORIZON -> contract = cash();
			case MISSING_MARKET_DATA -> {
				// a reset after the status date and before maturity, which must read the index
				LocalDate status = LocalDate.parse(contract.get("statusDate"));
				LocalDate exchange = LocalDate.parse(contract.get("initialExchangeDate"));
				contract.put("cycleAnchorDateOfRateReset",
						(status.isAfter(exchange) ? status : exchange).plusDays(30).toString());
				contract.put("cycleOfRateReset", "P1YL1");
				contract.put("marketObjectCodeOfRateReset", "NOT.OBSERVED");
				contract.put("rateSpread", "0.01");
			}
		}
		return row(contract);
	}

	private Map<String, String> contract(ContractType type) {
		return switch (type) {
			case PAM, ANN, LAM, NAM -> lending(type);
			case LAX -> stepped();
			case CLM -> callMoney();
			case UMP -> account();
			case SWPPV -> swap();
			case FXOUT -> forward();
			case STK -> stock();
			case COM -> commodity();
			case CSH -> cash();
		};
	}

	private Map<String, String> lending(ContractType contractType) {
		Map<String, String> terms = blank();
		String type = contractType.name();
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
		terms.put("contractID", id(this.nextId++));
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

	// A step-down loan: its principal repaid in two steps of different size and cycle.
	private Map<String, String> stepped() {
		Map<String, String> terms = common("LAX");
		LocalDate exchange = LocalDate.parse(terms.get("statusDate")).plusDays(1 + this.random.nextInt(60));
		int years = 4 + this.random.nextInt(12);
		long notional = notional();
		LocalDate step = exchange.plusYears(1 + this.random.nextInt(years / 2));
		terms.put("initialExchangeDate", exchange.toString());
		terms.put("maturityDate", exchange.plusYears(years).toString());
		terms.put("notionalPrincipal", Long.toString(notional));
		terms.put("nominalInterestRate", decimal(rate(), 4));
		terms.put("dayCountConvention", DAY_COUNTS[this.random.nextInt(DAY_COUNTS.length)]);
		terms.put("arrayCycleAnchorDateOfPrincipalRedemption",
				"[\"" + exchange.plusYears(1) + "\",\"" + step.plusYears(1) + "\"]");
		terms.put("arrayCycleOfPrincipalRedemption", "[\"P1YL1\",\"P6ML1\"]");
		long first = notional / (4L * years);
		terms.put("arrayNextPrincipalRedemptionPayment", "[\"" + first + "\",\"" + (first * 3 / 2) + "\"]");
		terms.put("arrayIncreaseDecrease", "[\"DEC\",\"DEC\"]");
		terms.put("arrayCycleAnchorDateOfInterestPayment", "[\"" + exchange.plusMonths(6) + "\"]");
		terms.put("arrayCycleOfInterestPayment", "[\"P6ML1\"]");
		return terms;
	}

	// Call money: monthly or quarterly interest, called with a month's notice; half of them have
	// been called (a maturity), the others run until they are.
	private Map<String, String> callMoney() {
		Map<String, String> terms = common("CLM");
		LocalDate exchange = LocalDate.parse(terms.get("statusDate")).plusDays(1 + this.random.nextInt(30));
		terms.put("initialExchangeDate", exchange.toString());
		if (this.random.nextBoolean()) {
			terms.put("maturityDate", exchange.plusMonths(3 + this.random.nextInt(24)).toString());
		}
		terms.put("notionalPrincipal", Long.toString(notional()));
		terms.put("nominalInterestRate", decimal(rate(), 4));
		terms.put("dayCountConvention", this.random.nextBoolean() ? "AA" : "A365");
		boolean monthly = this.random.nextBoolean();
		terms.put("cycleAnchorDateOfInterestPayment", exchange.plusMonths(monthly ? 1 : 3).toString());
		terms.put("cycleOfInterestPayment", monthly ? "P1ML1" : "P3ML1");
		terms.put("xDayNotice", "P1M");
		return terms;
	}

	// A savings account: yearly interest capitalized; some closed at a date, the rest open.
	private Map<String, String> account() {
		Map<String, String> terms = common("UMP");
		LocalDate exchange = LocalDate.parse(terms.get("statusDate")).plusDays(1 + this.random.nextInt(30));
		long notional = notional();
		terms.put("initialExchangeDate", exchange.toString());
		terms.put("notionalPrincipal", Long.toString(notional));
		terms.put("nominalInterestRate", decimal(rate() / 3, 4));
		terms.put("dayCountConvention", this.random.nextBoolean() ? "30E360" : "AA");
		terms.put("cycleAnchorDateOfInterestPayment", exchange.plusYears(1).toString());
		terms.put("cycleOfInterestPayment", "P1YL1");
		terms.put("xDayNotice", "P1M");
		if (this.random.nextInt(3) == 0) {
			terms.put("terminationDate", exchange.plusYears(1 + this.random.nextInt(8)).plusMonths(6).toString());
			terms.put("priceAtTerminationDate", Long.toString(notional));
		}
		return terms;
	}

	// A plain vanilla swap: a fixed leg against a floating leg on the currency's index, gross or net.
	private Map<String, String> swap() {
		Map<String, String> terms = common("SWPPV");
		int currency = CURRENCY_INDEX.get(terms.get("currency"));
		LocalDate exchange = LocalDate.parse(terms.get("statusDate")).plusDays(1 + this.random.nextInt(30));
		int months = this.random.nextBoolean() ? 3 : 6;
		terms.put("contractRole", this.random.nextBoolean() ? "RF" : "PF");
		terms.put("initialExchangeDate", exchange.toString());
		terms.put("maturityDate", exchange.plusYears(2 + this.random.nextInt(9)).toString());
		terms.put("notionalPrincipal", Long.toString(notional() * 10));
		double fixed = rate();
		terms.put("nominalInterestRate", decimal(fixed, 4));
		terms.put("nominalInterestRate2", decimal(Math.max(0, fixed - 0.01), 4));
		terms.put("dayCountConvention", this.random.nextBoolean() ? "A365" : "A360");
		terms.put("cycleAnchorDateOfInterestPayment", exchange.plusMonths(months).toString());
		terms.put("cycleOfInterestPayment", "P" + months + "ML1");
		terms.put("cycleAnchorDateOfRateReset", exchange.plusMonths(months).toString());
		terms.put("cycleOfRateReset", "P" + months + "ML1");
		terms.put("marketObjectCodeOfRateReset", RATE_INDICES[currency]);
		terms.put("rateSpread", decimal(this.random.nextInt(30) / 10_000.0, 4));
		terms.put("deliverySettlement", this.random.nextBoolean() ? "D" : "S");
		return terms;
	}

	// An FX forward, delivered gross: the notional in one currency against the other's.
	private Map<String, String> forward() {
		Map<String, String> terms = common("FXOUT");
		int first = CURRENCY_INDEX.get(terms.get("currency"));
		int second = (first + 1 + this.random.nextInt(CURRENCIES.length - 1)) % CURRENCIES.length;
		long notional = notional();
		double rate = FX_TO_USD[first] / FX_TO_USD[second] * (0.97 + this.random.nextDouble() * 0.06);
		terms.put("currency2", CURRENCIES[second]);
		terms.put("notionalPrincipal", Long.toString(notional));
		terms.put("notionalPrincipal2", decimal(notional * rate, 2));
		terms.put("maturityDate",
				LocalDate.parse(terms.get("statusDate")).plusMonths(1 + this.random.nextInt(18)).toString());
		terms.put("deliverySettlement", "D");
		return terms;
	}

	// Shares bought at a price; some sold at a later date.
	private Map<String, String> stock() {
		Map<String, String> terms = common("STK");
		LocalDate purchase = LocalDate.parse(terms.get("statusDate")).plusDays(1 + this.random.nextInt(30));
		long price = notional();
		terms.put("notionalPrincipal", Long.toString(price));
		terms.put("purchaseDate", purchase.toString());
		terms.put("priceAtPurchaseDate", Long.toString(price));
		if (this.random.nextBoolean()) {
			terms.put("terminationDate", purchase.plusMonths(3 + this.random.nextInt(60)).toString());
			terms.put("priceAtTerminationDate", decimal(price * (0.7 + this.random.nextDouble() * 0.8), 2));
		}
		return terms;
	}

	// A quantity of a commodity bought at a price; some sold at a later date.
	private Map<String, String> commodity() {
		Map<String, String> terms = common("COM");
		LocalDate purchase = LocalDate.parse(terms.get("statusDate")).plusDays(1 + this.random.nextInt(30));
		double price = 50 + this.random.nextInt(2000);
		terms.put("quantity", Integer.toString(1 + this.random.nextInt(500)));
		terms.put("unit", COMMODITY_UNITS[this.random.nextInt(COMMODITY_UNITS.length)]);
		terms.put("purchaseDate", purchase.toString());
		terms.put("priceAtPurchaseDate", decimal(price, 2));
		if (this.random.nextBoolean()) {
			terms.put("terminationDate", purchase.plusMonths(1 + this.random.nextInt(24)).toString());
			terms.put("priceAtTerminationDate", decimal(price * (0.8 + this.random.nextDouble() * 0.4), 2));
		}
		return terms;
	}

	// Cash in a currency: it never ends, so it is projected only up to a horizon.
	private Map<String, String> cash() {
		Map<String, String> terms = common("CSH");
		terms.put("notionalPrincipal", Long.toString(notional()));
		return terms;
	}

	// Every column empty but the id, the type, the role, the currency and the status date.
	private Map<String, String> common(String type) {
		Map<String, String> terms = blank();
		LocalDate status = LAST_STATUS_DATE.minusDays(this.random.nextInt(365));
		terms.put("contractID", id(this.nextId++));
		terms.put("contractType", type);
		terms.put("contractRole", (this.random.nextInt(5) == 0) ? "RPL" : "RPA");
		terms.put("currency", CURRENCIES[this.random.nextInt(CURRENCIES.length)]);
		terms.put("statusDate", status.toString());
		return terms;
	}

	private Map<String, String> blank() {
		Map<String, String> terms = new LinkedHashMap<>();
		this.header.forEach((name) -> terms.put(name, ""));
		return terms;
	}

	private long notional() {
		return Math.round(Math.exp(Math.log(10_000) + this.random.nextDouble() * Math.log(500)) / 100) * 100;
	}

	private double rate() {
		return 0.01 + this.random.nextInt(1100) / 10_000.0;
	}

	private String[] row(Map<String, String> terms) {
		return this.header.stream().map((name) -> terms.getOrDefault(name, "")).toArray(String[]::new);
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
