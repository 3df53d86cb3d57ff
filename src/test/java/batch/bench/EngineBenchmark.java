package batch.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.Horizon;
import batch.domain.cashflow.MarketData;
import batch.domain.cashflow.ObservedEvents;

/**
 * The speed of the ACTUS engine on one core: contracts and events a second for every type, with
 * 30-year monthly schedules where a type has a schedule (a floating-rate ANN with yearly resets, a
 * step-down LAX, a swap with quarterly resets, a stock with monthly dividends, cash monitored
 * monthly; a one-year FX forward, a commodity bought and sold). Run on demand with
 * {@code bench/engine}; not a test. Beside each figure, the ratio to a baseline measured in the
 * same run (building the same 360 monthly dates with java.time), since this machine is shared.
 */
public final class EngineBenchmark {

	private static final int CONTRACTS = BenchmarkContracts.CONTRACTS;

	private static final String[] TYPES = { "PAM", "ANN", "LAM", "NAM", "ANN floating", "LAX", "CLM", "UMP", "SWPPV",
			"FXOUT", "STK", "COM", "CSH" };

	// beyond every contract's end: the horizon cash needs
	private static final Horizon HORIZON = Horizon.until(LocalDateTime.of(2054, 12, 31, 0, 0));

	private static final ObservedEvents MONTHLY_MONITORING = monthlyMonitoring();

	private EngineBenchmark() {
	}

	public static void main(String[] args) {
		double seconds = (args.length > 0) ? Double.parseDouble(args[0]) : 5;
		List<String> only = (args.length > 1) ? List.of(args[1].split(",")) : List.of();
		CashFlowEngine engine = new CashFlowEngine();
		MarketData market = (code, moment) -> 0.03;
		System.out.printf(Locale.ROOT, "ACTUS engine, one thread, %s, %d cores, %.0f s a measurement%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), seconds);
		double baseline = measure(seconds, EngineBenchmark::javaTimeSchedule);
		System.out.printf(Locale.ROOT, "baseline: 360 monthly dates with java.time, %.0f times a second%n", baseline);
		System.out.printf(Locale.ROOT, "%-26s %12s %14s %12s%n", "contracts", "contracts/s", "events/s", "/ baseline");
		for (String type : TYPES) {
			if (!only.isEmpty() && !only.contains(type.replace(' ', '-'))) {
				continue;
			}
			ContractTerms[] contracts = contracts(type);
			// every contract whole, as the job projects it without a horizon; but cash, which never
			// ends and has no events of its own: up to a horizon, monitored monthly as a balance would be
			Projection projection = type.equals("CSH")
					? (contract) -> engine.project(contract, market, HORIZON, MONTHLY_MONITORING).size()
					: (contract) -> engine.project(contract, market).size();
			long events = 0;
			for (ContractTerms contract : contracts) {
				events += projection.events(contract);
			}
			double eventsPerContract = (double) events / CONTRACTS;
			int[] next = { 0 };
			double rate = measure(seconds, () -> projection.events(contracts[next[0]++ & (CONTRACTS - 1)]));
			System.out.printf(Locale.ROOT, "%-26s %12.0f %14.0f %12.3f%n", type + " " + shape(type), rate,
					rate * eventsPerContract, rate / baseline);
		}
	}

	private interface Work {

		int run();

	}

	private interface Projection {

		int events(ContractTerms contract);

	}

	// Warms up for a second, then counts calls for the given time.
	private static double measure(double seconds, Work work) {
		long sink = 0;
		long warmUpEnd = System.nanoTime() + 1_000_000_000L;
		while (System.nanoTime() < warmUpEnd) {
			sink += work.run();
		}
		long count = 0;
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long now;
		do {
			for (int i = 0; i < 64; i++) {
				sink += work.run();
			}
			count += 64;
			now = System.nanoTime();
		}
		while (now < end);
		if (sink == 42) {
			System.out.print("");
		}
		return count / ((now - start) / 1e9);
	}

	private static int javaTimeSchedule() {
		LocalDate start = LocalDate.of(2024, 1, 31);
		int days = 0;
		for (int i = 0; i < 360; i++) {
			days += start.plusMonths(i).getDayOfMonth();
		}
		return days;
	}

	private static String shape(String type) {
		return switch (type) {
			case "FXOUT" -> "1y forward";
			case "COM" -> "bought and sold";
			default -> "30y monthly";
		};
	}

	private static ObservedEvents monthlyMonitoring() {
		ObservedEvents.Builder events = ObservedEvents.builder();
		for (int month = 1; month <= 360; month++) {
			events.observe(LocalDateTime.of(2024, 1, 15, 0, 0).plusMonths(month), "AD", 0);
		}
		return events.build();
	}

	// the lending types as BenchmarkContracts builds them, the others here
	private static ContractTerms[] contracts(String type) {
		if (BenchmarkContracts.LENDING.contains(type)) {
			return BenchmarkContracts.lending(type);
		}
		ContractTerms[] contracts = new ContractTerms[CONTRACTS];
		for (int i = 0; i < CONTRACTS; i++) {
			Map<String, Object> terms = new HashMap<>();
			String day = String.format("%02d", 2 + i % 27);
			int notional = 100_000 + 1_000 * i;
			terms.put("contractType", type.split(" ")[0]);
			terms.put("contractID", "bench-" + i);
			terms.put("contractRole", (i % 2 == 0) ? "RPA" : "RPL");
			terms.put("currency", "USD");
			terms.put("statusDate", "2024-01-01");
			switch (type) {
				case "LAX", "CLM", "UMP", "SWPPV" -> {
					terms.put("initialExchangeDate", "2024-01-" + day);
					terms.put("notionalPrincipal", Integer.toString(notional));
					terms.put("nominalInterestRate", "0.0" + (3 + i % 5));
					terms.put("dayCountConvention", (i % 3 == 0) ? "30E360" : "A365");
					if (!type.equals("UMP")) {
						terms.put("maturityDate", "2054-01-" + day);
					}
					if (!type.equals("LAX")) {
						terms.put("cycleOfInterestPayment", "P1ML1");
					}
				}
				default -> {
				}
			}
			switch (type) {
				// a step-down: ten years at one payment, then twenty at a larger one
				case "LAX" -> {
					terms.put("arrayCycleAnchorDateOfPrincipalRedemption",
							List.of("2024-02-" + day, "2034-02-" + day));
					terms.put("arrayCycleOfPrincipalRedemption", List.of("P1ML1", "P1ML1"));
					terms.put("arrayNextPrincipalRedemptionPayment",
							List.of(Integer.toString(notional / 480), Integer.toString(notional / 320)));
					terms.put("arrayIncreaseDecrease", List.of("DEC", "DEC"));
					terms.put("arrayCycleAnchorDateOfInterestPayment", List.of("2024-02-" + day));
					terms.put("arrayCycleOfInterestPayment", List.of("P1ML1"));
				}
				case "CLM" -> terms.put("xDayNotice", "P1M");
				case "UMP" -> {
					terms.put("terminationDate", "2054-01-" + day);
					terms.put("priceAtTerminationDate", Integer.toString(notional));
				}
				case "SWPPV" -> {
					terms.put("contractRole", (i % 2 == 0) ? "RF" : "PF");
					terms.put("nominalInterestRate2", "0.03");
					terms.put("cycleOfRateReset", "P3ML1");
					terms.put("cycleAnchorDateOfRateReset", "2024-04-" + day);
					terms.put("marketObjectCodeOfRateReset", "SOFR");
					terms.put("rateSpread", "0.01");
					terms.put("deliverySettlement", (i % 2 == 0) ? "D" : "S");
				}
				case "FXOUT" -> {
					terms.put("currency2", "EUR");
					terms.put("notionalPrincipal", Integer.toString(notional));
					terms.put("notionalPrincipal2", Integer.toString(notional * 9 / 10));
					terms.put("maturityDate", "2025-01-" + day);
				}
				case "STK" -> {
					terms.put("purchaseDate", "2024-01-" + day);
					terms.put("priceAtPurchaseDate", Integer.toString(notional));
					terms.put("cycleAnchorDateOfDividend", "2024-02-" + day);
					terms.put("cycleOfDividend", "P1ML1");
					terms.put("terminationDate", "2054-01-" + day);
					terms.put("priceAtTerminationDate", Integer.toString(notional * 2));
				}
				case "COM" -> {
					terms.put("quantity", Integer.toString(1 + i % 50));
					terms.put("purchaseDate", "2024-01-" + day);
					terms.put("priceAtPurchaseDate", "1900");
					terms.put("terminationDate", "2026-01-" + day);
					terms.put("priceAtTerminationDate", "2100");
				}
				case "CSH" -> terms.put("notionalPrincipal", Integer.toString(notional));
				default -> {
				}
			}
			contracts[i] = ContractTerms.parse(terms);
		}
		return contracts;
	}

}
