package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Where a projection stops. Up to the maturity, as actus-core's harness projects a case with an
 * empty end: what a business-day shift moves past the maturity date is dropped. The whole contract,
 * as the batch job projects it: those events are kept, and the interest they pay is not lost.
 */
class HorizonTests {

	private static final MarketData NONE = (code, moment) -> {
		throw new AssertionError("no market data is read");
	};

	private final CashFlowEngine engine = new CashFlowEngine();

	// 1,000 at 10% A365 from Friday 2021-01-01, interest yearly, maturing on Saturday 2022-01-01
	private static Map<String, String> pam(String businessDay) {
		Map<String, String> terms = new HashMap<>(Map.of("contractType", "PAM", "contractID", "p",
				"contractRole", "RPA", "currency", "USD", "statusDate", "2020-12-31",
				"initialExchangeDate", "2021-01-01", "maturityDate", "2022-01-01", "notionalPrincipal", "1000",
				"nominalInterestRate", "0.1", "dayCountConvention", "A365"));
		terms.putAll(Map.of("cycleOfInterestPayment", "P1YL1", "businessDayConvention", businessDay,
				"calendar", "MF"));
		return terms;
	}

	@Test
	void upToTheMaturityAPaymentShiftedPastItIsDropped() {
		CashFlowProjection events = this.engine.project(ContractTerms.parse(pam("SCF")), NONE, Horizon.maturity(),
				List.of());

		assertThat(types(events)).containsExactly(EventType.IED, EventType.MD);
		// PAM's maturity is not shifted, and it pays the notional only
		assertThat(events.time(1).toLocalDate()).hasToString("2022-01-01");
		assertThat(events.payoff(1)).isEqualTo(1000);
	}

	@Test
	void theWholeContractKeepsThatPaymentAndItPaysTheInterest() {
		CashFlowProjection shiftCalculate = this.engine.project(ContractTerms.parse(pam("SCF")), NONE);
		CashFlowProjection calculateShift = this.engine.project(ContractTerms.parse(pam("CSF")), NONE);

		assertThat(types(shiftCalculate)).containsExactly(EventType.IED, EventType.MD, EventType.IP);
		assertThat(shiftCalculate.time(2).toLocalDate()).hasToString("2022-01-03");
		// SCF calculates to the Monday it pays on: 367 days; CSF to the Saturday: 365
		assertThat(shiftCalculate.payoff(2)).isCloseTo(1000 * 0.1 * 367 / 365, within(1e-9));
		assertThat(calculateShift.payoff(2)).isCloseTo(100, within(1e-9));
		// the maturity's state is the reference's: nothing outstanding, nothing accrued
		assertThat(shiftCalculate.notionalPrincipal(1)).isZero();
		assertThat(shiftCalculate.accruedInterest(1)).isZero();
		assertThat(shiftCalculate.accruedInterest(2)).isZero();
	}

	// 1,000 redeemed 500 at a time half-yearly, at 10%, maturing on Saturday 2022-01-01
	private static ContractTerms lam() {
		Map<String, String> terms = pam("SCF");
		terms.putAll(Map.of("contractType", "LAM", "cycleOfPrincipalRedemption", "P6ML1",
				"cycleOfInterestPayment", "P6ML1", "nextPrincipalRedemptionPayment", "500"));
		return ContractTerms.parse(terms);
	}

	@Test
	void aLinearAmortizerWhoseMaturityMovesLaterEndsWithoutItUpToTheMaturity() {
		CashFlowProjection events = this.engine.project(lam(), NONE, Horizon.maturity(), List.of());

		assertThat(types(events)).containsExactly(EventType.IED, EventType.PR, EventType.IP);
		assertThat(events.notionalPrincipal(events.size() - 1)).isEqualTo(500);
	}

	@Test
	void aLinearAmortizerRepaysOnItsShiftedMaturityInTheWholeContract() {
		CashFlowProjection events = this.engine.project(lam(), NONE);

		assertThat(types(events)).containsExactly(EventType.IED, EventType.PR, EventType.IP, EventType.IP,
				EventType.MD);
		assertThat(events.time(4).toLocalDate()).hasToString("2022-01-03");
		assertThat(events.payoff(4)).isEqualTo(500);
		assertThat(events.notionalPrincipal(4)).isZero();
		// 2021-07-01 to Monday 2022-01-03: 186 days on the 500 left
		assertThat(events.payoff(3)).isCloseTo(500 * 0.1 * 186 / 365, within(1e-9));
	}

	@Test
	void aGivenEndCutsWhereItSays() {
		CashFlowProjection events = this.engine.project(lam(), NONE,
				Horizon.until(LocalDateTime.of(2021, 7, 1, 0, 0)), List.of());

		assertThat(types(events)).containsExactly(EventType.IED, EventType.PR, EventType.IP);
	}

	private static List<EventType> types(CashFlowProjection events) {
		return IntStream.range(0, events.size()).mapToObj(events::type).toList();
	}

}
