package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Call money (CLM) and savings accounts (UMP), which have no maturity: where their projection
 * ends. A call notice ends call money at the end of its notice; without one, or for an account
 * never terminated, the horizon bounds the projection, and without a horizon there is no end.
 */
class CallMoneyAndSavingsTests {

	private static final MarketData NONE = (code, moment) -> {
		throw new AssertionError("no market data is read");
	};

	private final CashFlowEngine engine = new CashFlowEngine();

	// 1,000 lent from 2021-01-01 at 12% A365, capitalized monthly, on a month's notice
	private static Map<String, String> clm() {
		Map<String, String> terms = new HashMap<>(Map.of("contractType", "CLM", "contractID", "c",
				"contractRole", "RPA", "currency", "USD", "statusDate", "2020-12-31",
				"initialExchangeDate", "2021-01-01", "notionalPrincipal", "1000", "nominalInterestRate", "0.12",
				"dayCountConvention", "A365", "cycleOfInterestPayment", "P1ML1"));
		terms.put("xDayNotice", "P1M");
		return terms;
	}

	// 1,000 deposited on 2021-01-01 at 1% A365, capitalized yearly
	private static Map<String, String> ump() {
		return new HashMap<>(Map.of("contractType", "UMP", "contractID", "u", "contractRole", "RPL",
				"currency", "USD", "statusDate", "2020-12-31", "initialExchangeDate", "2021-01-01",
				"notionalPrincipal", "1000", "nominalInterestRate", "0.01", "dayCountConvention", "A365",
				"cycleOfInterestPayment", "P1YL1"));
	}

	private static ObservedEvents callOn(LocalDateTime time) {
		return ObservedEvents.builder().observe(time, "XD", 0).build();
	}

	private static Horizon until(int year, int month, int day) {
		return Horizon.until(LocalDateTime.of(year, month, day, 0, 0));
	}

	@Test
	void callMoneyNeitherMaturedNorCalledRunsToTheHorizonAndStaysOutstanding() {
		CashFlowProjection events = this.engine.project(ContractTerms.parse(clm()), NONE, until(2021, 4, 1),
				ObservedEvents.NONE);

		// capitalized from the exchange on, before the horizon; no payment, no maturity
		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI, EventType.IPCI);
		assertThat(events.time(3).toLocalDate()).hasToString("2021-03-01");
		assertThat(events.notionalPrincipal(3)).isGreaterThan(1000);
	}

	@Test
	void withoutAHorizonNothingEndsIt() {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> this.engine.project(ContractTerms.parse(clm()), NONE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MISSING_HORIZON));
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> this.engine.project(ContractTerms.parse(ump()), NONE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MISSING_HORIZON));
	}

	@Test
	void aCallSettlesAtTheEndOfItsNoticeWhateverTheHorizon() {
		ObservedEvents call = callOn(LocalDateTime.of(2021, 3, 10, 0, 0));

		CashFlowProjection events = this.engine.project(ContractTerms.parse(clm()), NONE, until(2021, 3, 31), call);
		CashFlowProjection whole = this.engine.project(ContractTerms.parse(clm()), NONE, Horizon.wholeContract(),
				call);

		// nothing capitalized after the call
		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI, EventType.IPCI,
				EventType.XD, EventType.IP, EventType.STD);
		assertThat(types(whole)).isEqualTo(types(events));
		assertThat(events.time(6).toLocalDate()).hasToString("2021-04-10");
		double notional = events.notionalPrincipal(3);
		assertThat(events.payoff(6)).isEqualTo(notional);
		// the interest from the last capitalization (2021-03-01) to the call, none for the notice
		assertThat(events.payoff(5)).isCloseTo(notional * 0.12 * 9 / 365, within(1e-9));
		assertThat(events.notionalPrincipal(6)).isZero();
	}

	@Test
	void aCallAfterTheHorizonIsNotSeen() {
		CashFlowProjection events = this.engine.project(ContractTerms.parse(clm()), NONE, until(2021, 2, 15),
				callOn(LocalDateTime.of(2021, 3, 10, 0, 0)));

		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI);
	}

	@Test
	void duringTheNoticeNothingAccrues() {
		ObservedEvents observed = ObservedEvents.builder()
			.observe(LocalDateTime.of(2021, 3, 10, 0, 0), "XD", 0)
			.observe(LocalDateTime.of(2021, 3, 20, 0, 0), "AD", 0)
			.observe(LocalDateTime.of(2021, 5, 1, 0, 0), "AD", 0)
			.build();

		CashFlowProjection events = this.engine.project(ContractTerms.parse(clm()), NONE, Horizon.wholeContract(),
				observed);

		// monitored during the notice, not after the settlement
		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI, EventType.IPCI,
				EventType.XD, EventType.AD, EventType.IP, EventType.STD);
		assertThat(events.accruedInterest(5)).isZero();
		assertThat(events.payoff(6)).isPositive();
	}

	@Test
	void aCallWithoutNoticeSettlesAtOnce() {
		Map<String, String> terms = clm();
		terms.put("xDayNotice", "P0D");

		CashFlowProjection events = this.engine.project(ContractTerms.parse(terms), NONE, Horizon.wholeContract(),
				callOn(LocalDateTime.of(2021, 3, 10, 0, 0)));

		assertThat(types(events)).endsWith(EventType.XD, EventType.IP, EventType.STD);
		assertThat(events.time(events.size() - 1).toLocalDate()).hasToString("2021-03-10");
		// the call reports the interest the payment at once pays
		assertThat(events.accruedInterest(events.size() - 3)).isEqualTo(events.payoff(events.size() - 2));
	}

	@Test
	void aMaturityDateIsTheMaturityAndACallChangesNothing() {
		Map<String, String> terms = clm();
		terms.put("maturityDate", "2021-02-15");

		CashFlowProjection events = this.engine.project(ContractTerms.parse(terms), NONE, Horizon.wholeContract(),
				callOn(LocalDateTime.of(2021, 2, 1, 12, 0)));

		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI, EventType.IP,
				EventType.MD);
	}

	@Test
	void anAccountTerminatedRunsToItsTerminationWithoutAHorizon() {
		Map<String, String> terms = ump();
		terms.putAll(Map.of("terminationDate", "2023-01-01", "priceAtTerminationDate", "1020"));

		CashFlowProjection events = this.engine.project(ContractTerms.parse(terms), NONE);

		// a capitalization on the termination's day comes before it, as with any horizon after it
		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI, EventType.TD);
		assertThat(events.time(2)).isEqualTo(events.time(3));
		assertThat(events.payoff(3)).isEqualTo(-1020);
		assertThat(types(this.engine.project(ContractTerms.parse(terms), NONE, until(2030, 1, 1), List.of())))
			.isEqualTo(types(events));
	}

	@Test
	void anAccountWithoutARateEarnsNothing() {
		Map<String, String> terms = ump();
		terms.remove("nominalInterestRate");

		CashFlowProjection events = this.engine.project(ContractTerms.parse(terms), NONE, until(2023, 6, 1),
				List.of());

		assertThat(types(events)).containsExactly(EventType.IED, EventType.IPCI, EventType.IPCI);
		assertThat(events.notionalPrincipal(2)).isEqualTo(-1000);
		assertThat(events.nominalInterestRate(2)).isZero();
	}

	@Test
	void anAccountsObservedPrincipalChangesAreNotCalculated() {
		ObservedEvents withdrawal = ObservedEvents.builder()
			.observe(LocalDateTime.of(2021, 6, 1, 0, 0), "PR", 100)
			.build();

		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> this.engine.project(ContractTerms.parse(ump()), NONE, until(2023, 1, 1), withdrawal))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.UNSUPPORTED_TERM));
	}

	private static List<EventType> types(CashFlowProjection events) {
		return IntStream.range(0, events.size()).mapToObj(events::type).toList();
	}

}
