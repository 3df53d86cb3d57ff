package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stocks, commodities and cash (STK, COM, CSH) where the published cases do not decide: the end of
 * a stock's dividends without termination, the first dividend given as an amount, the dividend of
 * a stock bought after its ex-dividend date, the dividend terms under both names, and a cash
 * balance without monitoring.
 */
class PositionTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// every dividend observed at 25, under any code
	private static final MarketData TWENTY_FIVE = (code, moment) -> 25;

	private static Map<String, String> stock() {
		Map<String, String> terms = new HashMap<>();
		terms.put("contractType", "STK");
		terms.put("contractID", "s1");
		terms.put("contractRole", "RPA");
		terms.put("statusDate", "2020-01-01T00:00:00");
		terms.put("currency", "USD");
		terms.put("notionalPrincipal", "1000");
		terms.put("purchaseDate", "2020-02-01T00:00:00");
		terms.put("priceAtPurchaseDate", "1100");
		terms.put("cycleAnchorDateOfDividend", "2020-03-31T00:00:00");
		terms.put("cycleOfDividend", "P3ML1");
		terms.put("marketObjectCodeOfDividends", "S1_DV");
		return terms;
	}

	private static List<String> events(CashFlowProjection projection) {
		List<String> events = new ArrayList<>();
		for (int i = 0; i < projection.size(); i++) {
			events.add(projection.time(i).toLocalDate() + " " + projection.type(i) + " " + projection.payoff(i));
		}
		return events;
	}

	@Test
	void aStockWithoutTerminationPaysDividendsUpToTheHorizonAndNeedsOne() {
		CashFlowProjection projection = this.engine.project(ContractTerms.parse(stock()), TWENTY_FIVE,
				Horizon.until(LocalDateTime.of(2029, 12, 31, 0, 0)), ObservedEvents.NONE);

		// the purchase, then 40 quarters from 2020-03-31 up to 2029-12-31, the horizon
		assertThat(projection.size()).isEqualTo(41);
		assertThat(projection.type(0)).isEqualTo(EventType.PRD);
		assertThat(projection.payoff(0)).isEqualTo(-1100);
		assertThat(projection.time(40).toLocalDate()).isEqualTo(LocalDate.of(2029, 12, 31));
		for (int i = 1; i < projection.size(); i++) {
			assertThat(projection.type(i)).isEqualTo(EventType.DV);
			assertThat(projection.payoff(i)).isEqualTo(25);
			assertThat(projection.notionalPrincipal(i)).isZero();
		}
		// the whole contract has no end
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> this.engine.project(ContractTerms.parse(stock()), TWENTY_FIVE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MISSING_HORIZON));
	}

	@Test
	void aHorizonCutsTheDividendsAndTheTerminationEndsThem() {
		Map<String, String> terms = stock();

		CashFlowProjection untilThen = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE,
				Horizon.until(LocalDateTime.of(2020, 9, 30, 0, 0)), ObservedEvents.NONE);
		terms.put("terminationDate", "2020-08-15T00:00:00");
		terms.put("priceAtTerminationDate", "1300");
		CashFlowProjection terminated = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE);

		assertThat(events(untilThen)).containsExactly("2020-02-01 PRD -1100.0", "2020-03-31 DV 25.0",
				"2020-06-30 DV 25.0", "2020-09-30 DV 25.0");
		assertThat(events(terminated)).containsExactly("2020-02-01 PRD -1100.0", "2020-03-31 DV 25.0",
				"2020-06-30 DV 25.0", "2020-08-15 TD 1300.0");
	}

	@Test
	void theNextDividendPaymentAmountIsTheFirstDividendAndTheMarketGivesTheRest() {
		Map<String, String> terms = stock();
		terms.put("nextDividendPaymentAmount", "30");
		terms.put("contractRole", "RPL");

		CashFlowProjection projection = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE,
				Horizon.until(LocalDateTime.of(2020, 6, 30, 0, 0)), ObservedEvents.NONE);

		// a short position pays them
		assertThat(events(projection)).containsExactly("2020-02-01 PRD 1100.0", "2020-03-31 DV -30.0",
				"2020-06-30 DV -25.0");
	}

	@Test
	void withoutACodeTheDividendsAreReadFromTheContractIdAndDvAtTheirScheduledDate() {
		Map<String, String> terms = stock();
		terms.remove("marketObjectCodeOfDividends");
		terms.put("calendar", "MF");
		terms.put("businessDayConvention", "SCF");
		// 2020-05-31 is a Sunday: paid on Monday, observed on Sunday
		terms.put("cycleAnchorDateOfDividend", "2020-05-31T00:00:00");
		ObservedMarketData market = ObservedMarketData.builder()
			.observe("s1-DV", LocalDateTime.of(2020, 5, 31, 0, 0), 12)
			.observe("s1-DV", LocalDateTime.of(2020, 6, 1, 0, 0), 99)
			.build();

		CashFlowProjection projection = this.engine.project(ContractTerms.parse(terms), market,
				Horizon.until(LocalDateTime.of(2020, 6, 30, 0, 0)), ObservedEvents.NONE);

		assertThat(events(projection)).containsExactly("2020-02-01 PRD -1100.0", "2020-06-01 DV 12.0");
	}

	@Test
	void aDividendWithoutObservationRejectsTheStock() {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> this.engine.project(ContractTerms.parse(stock()), ObservedMarketData.builder().build(),
					Horizon.until(LocalDateTime.of(2029, 12, 31, 0, 0)), ObservedEvents.NONE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MISSING_MARKET_DATA));
	}

	@Test
	void aStockBoughtAfterTheExDividendDateLeavesTheNextDividendToTheSeller() {
		Map<String, String> terms = stock();
		terms.put("purchaseDate", "2020-03-20T00:00:00");
		terms.put("exDividendDate", "2020-03-15T00:00:00");
		Horizon horizon = Horizon.until(LocalDateTime.of(2020, 6, 30, 0, 0));

		CashFlowProjection afterIt = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE, horizon,
				ObservedEvents.NONE);
		terms.put("exDividendDate", "2020-03-25T00:00:00");
		CashFlowProjection beforeIt = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE, horizon,
				ObservedEvents.NONE);

		assertThat(events(afterIt)).containsExactly("2020-03-20 PRD -1100.0", "2020-06-30 DV 25.0");
		assertThat(events(beforeIt)).containsExactly("2020-03-20 PRD -1100.0", "2020-03-31 DV 25.0",
				"2020-06-30 DV 25.0");
	}

	@Test
	void aDividendOnTheDayOfThePurchaseIsTheSellers() {
		Map<String, String> terms = stock();
		terms.put("purchaseDate", "2020-03-31T00:00:00");

		CashFlowProjection projection = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE,
				Horizon.until(LocalDateTime.of(2020, 6, 30, 0, 0)), ObservedEvents.NONE);

		assertThat(events(projection)).containsExactly("2020-03-31 PRD -1100.0", "2020-06-30 DV 25.0");
	}

	@Test
	void actusCoreNamesOfTheDividendTermsAreTheDictionarysOnes() {
		Map<String, String> terms = stock();
		terms.put("cycleAnchorDateOfDividendPayment", terms.remove("cycleAnchorDateOfDividend"));
		terms.put("cycleOfDividendPayment", terms.remove("cycleOfDividend"));

		ContractTerms parsed = ContractTerms.parse(terms);

		assertThat(parsed.staged()).containsKeys("cycleAnchorDateOfDividend", "cycleOfDividend")
			.doesNotContainKeys("cycleAnchorDateOfDividendPayment", "cycleOfDividendPayment");
		Horizon horizon = Horizon.until(LocalDateTime.of(2029, 12, 31, 0, 0));
		assertThat(events(this.engine.project(ContractTerms.restore(parsed.staged()), TWENTY_FIVE, horizon,
				ObservedEvents.NONE)))
			.hasSize(41)
			.isEqualTo(events(this.engine.project(ContractTerms.parse(stock()), TWENTY_FIVE, horizon,
					ObservedEvents.NONE)));
	}

	@Test
	void aDividendTermUnderBothNamesIsOneTermWhenTheValuesAgree() {
		Map<String, String> terms = stock();
		terms.put("cycleOfDividendPayment", terms.get("cycleOfDividend"));

		assertThat(ContractTerms.parse(terms).cycle(Term.CYCLE_OF_DIVIDEND)).isEqualTo(Cycle.parse("P3ML1"));
	}

	@ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', value = { "cycleOfDividendPayment|P6ML1|INCONSISTENT_TERMS",
			"cycleAnchorDateOfDividend|''|MISSING_TERM", "nominalInterestRate|0.05|UNSUPPORTED_TERM",
			"maturityDate|2030-01-01|UNSUPPORTED_TERM", "contractRole|BUY|UNKNOWN_CONVENTION",
			"terminationDate|2020-08-15|MISSING_TERM", "currency|dollars|INCONSISTENT_TERMS" })
	void eachProblemOfAStockHasItsReason(String term, String value, CashFlowRejectReason reason) {
		Map<String, String> terms = stock();
		terms.put(term, value);

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void aTerminationBeforeThePurchaseIsInconsistent() {
		Map<String, String> terms = stock();
		terms.put("terminationDate", "2020-01-15T00:00:00");
		terms.put("priceAtTerminationDate", "1000");

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.INCONSISTENT_TERMS));
	}

	@Test
	void aCommodityWithoutQuantityIsOneUnit() {
		Map<String, String> terms = new HashMap<>();
		terms.put("contractType", "COM");
		terms.put("contractID", "c1");
		terms.put("contractRole", "RPA");
		terms.put("statusDate", "2020-01-01T00:00:00");
		terms.put("currency", "USD");
		terms.put("purchaseDate", "2020-02-01T00:00:00");
		terms.put("priceAtPurchaseDate", "70");
		terms.put("terminationDate", "2020-03-01T00:00:00");
		terms.put("priceAtTerminationDate", "90");

		CashFlowProjection projection = this.engine.project(ContractTerms.parse(terms), TWENTY_FIVE);

		assertThat(events(projection)).containsExactly("2020-02-01 PRD -70.0", "2020-03-01 TD 90.0");
	}

	@Test
	void cashHasNoEventsButItsMonitoringAndNeedsAHorizon() {
		Map<String, String> terms = new HashMap<>();
		terms.put("contractType", "CSH");
		terms.put("contractID", "k1");
		terms.put("contractRole", "RPL");
		terms.put("statusDate", "2020-01-01T00:00:00");
		terms.put("currency", "CHF");
		terms.put("notionalPrincipal", "500");
		ContractTerms cash = ContractTerms.parse(terms);
		LocalDateTime monitored = LocalDateTime.of(2020, 6, 30, 0, 0);

		Horizon horizon = Horizon.until(LocalDateTime.of(2020, 12, 31, 0, 0));
		CashFlowProjection unmonitored = this.engine.project(cash, TWENTY_FIVE, horizon, ObservedEvents.NONE);
		CashFlowProjection atThen = this.engine.project(cash, TWENTY_FIVE, horizon, List.of(monitored));

		assertThat(unmonitored.size()).isZero();
		assertThat(events(atThen)).containsExactly("2020-06-30 AD 0.0");
		assertThat(atThen.notionalPrincipal(0)).isEqualTo(-500);
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> this.engine.project(cash, TWENTY_FIVE, Horizon.wholeContract(), List.of(monitored)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MISSING_HORIZON));
	}

}
