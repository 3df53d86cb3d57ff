package batch.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import batch.domain.cashflow.ContractTerms;

/**
 * The contracts of the lending types that {@link EngineBenchmark} projects, 30 years monthly, built
 * with nothing newer than the engine's first API ({@code ContractTerms.parse} of text terms), so
 * that {@code bench/engine-compare} can build the same contracts in an older revision.
 */
final class BenchmarkContracts {

	static final int CONTRACTS = 512;

	static final List<String> LENDING = List.of("PAM", "ANN", "LAM", "NAM", "ANN floating");

	private BenchmarkContracts() {
	}

	static ContractTerms[] lending(String type) {
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
