package batch.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.MarketData;

/**
 * The speed of the ACTUS engine on one core: contracts and events a second for PAM, ANN, LAM and
 * NAM with 30-year monthly schedules (and a floating-rate ANN with yearly resets). Run on demand with
 * {@code bench/engine}; not a test. Beside each figure, the ratio to a baseline measured in the
 * same run (building the same 360 monthly dates with java.time), since this machine is shared.
 */
public final class EngineBenchmark {

	private static final int CONTRACTS = 512;

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
		for (String type : new String[] { "PAM", "ANN", "LAM", "NAM", "ANN floating" }) {
			if (!only.isEmpty() && !only.contains(type.replace(' ', '-'))) {
				continue;
			}
			ContractTerms[] contracts = contracts(type);
			long events = 0;
			for (ContractTerms contract : contracts) {
				events += engine.project(contract, market).size();
			}
			double eventsPerContract = (double) events / CONTRACTS;
			int[] next = { 0 };
			double rate = measure(seconds, () -> engine.project(contracts[next[0]++ & (CONTRACTS - 1)], market).size());
			System.out.printf(Locale.ROOT, "%-26s %12.0f %14.0f %12.3f%n", type + " 30y monthly", rate,
					rate * eventsPerContract, rate / baseline);
		}
	}

	private interface Work {

		int run();

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

	private static ContractTerms[] contracts(String type) {
		ContractTerms[] contracts = new ContractTerms[CONTRACTS];
		for (int i = 0; i < CONTRACTS; i++) {
			Map<String, String> terms = new HashMap<>();
			boolean floating = type.endsWith("floating");
			terms.put("contractType", type.substring(0, 3));
			terms.put("contractID", "bench-" + i);
			terms.put("contractRole", (i % 2 == 0) ? "RPA" : "RPL");
			terms.put("currency", "USD");
			terms.put("statusDate", "2024-01-01");
			terms.put("initialExchangeDate", "2024-01-" + String.format("%02d", 2 + i % 27));
			terms.put("maturityDate", "2054-01-" + String.format("%02d", 2 + i % 27));
			terms.put("notionalPrincipal", Integer.toString(100_000 + 1_000 * i));
			terms.put("nominalInterestRate", "0.0" + (3 + i % 5));
			terms.put("dayCountConvention", (i % 3 == 0) ? "30E360" : "A365");
			terms.put("cycleOfInterestPayment", "P1ML1");
			if (!type.equals("PAM")) {
				terms.put("cycleOfPrincipalRedemption", "P1ML1");
			}
			if (type.equals("LAM")) {
				terms.put("nextPrincipalRedemptionPayment", Integer.toString((100_000 + 1_000 * i) / 360));
			}
			if (type.equals("NAM")) {
				// about the level payment of 30 years at 3% to 7%
				terms.put("nextPrincipalRedemptionPayment", Integer.toString((100_000 + 1_000 * i) / 150));
			}
			if (floating) {
				terms.put("cycleOfRateReset", "P1YL1");
				terms.put("marketObjectCodeOfRateReset", "SOFR");
				terms.put("rateSpread", "0.01");
			}
			contracts[i] = ContractTerms.parse(terms);
		}
		return contracts;
	}

}
