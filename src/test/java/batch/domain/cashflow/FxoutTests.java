package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * FX outrights beyond the published cases: each leg of a gross delivery in its own currency, the
 * net settlement at the rate fixed at maturity and on a business day, and the terms an outright
 * does not take.
 */
class FxoutTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// 2,000 USD against 1,000 EUR on Friday 2021-06-04, held as an asset
	private static Map<String, String> outright(String... more) {
		Map<String, String> terms = new HashMap<>(Map.of("contractType", "FXOUT", "contractID", "fx",
				"contractRole", "RPA", "statusDate", "2021-01-04", "maturityDate", "2021-06-04", "currency", "USD",
				"currency2", "EUR", "notionalPrincipal", "2000", "notionalPrincipal2", "1000"));
		for (int i = 0; i < more.length; i += 2) {
			terms.put(more[i], more[i + 1]);
		}
		return terms;
	}

	@Test
	void aGrossDeliveryPaysEachLegInItsOwnCurrency() {
		CashFlowProjection events = this.engine.project(ContractTerms.parse(outright()), (code, moment) -> 0);

		assertThat(events.size()).isEqualTo(2);
		assertThat(events.type(0)).isEqualTo(EventType.MD);
		assertThat(events.currency(0)).isEqualTo("USD");
		assertThat(events.payoff(0)).isEqualTo(2000);
		assertThat(events.type(1)).isEqualTo(EventType.MD);
		assertThat(events.currency(1)).isEqualTo("EUR");
		assertThat(events.payoff(1)).isEqualTo(-1000);
		assertThat(events.currency()).isEqualTo("USD");
	}

	@Test
	void aNetSettlementUsesTheRateFixedAtMaturityAndHappensOnABusinessDay() {
		ContractTerms terms = ContractTerms.parse(outright("deliverySettlement", "S", "settlementPeriod", "P1D",
				"calendar", "MF", "businessDayConvention", "SCF"));
		long maturity = Moments.of(LocalDateTime.of(2021, 6, 4, 0, 0));
		// 1.2 USD per EUR at maturity, 1.5 by the settlement
		MarketData market = (code, moment) -> {
			assertThat(code).isEqualTo("EUR/USD");
			return (moment <= maturity) ? 1.2 : 1.5;
		};

		CashFlowProjection events = this.engine.project(terms, market, Horizon.maturity(), ObservedEvents.NONE);

		assertThat(events.size()).isEqualTo(1);
		assertThat(events.type(0)).isEqualTo(EventType.STD);
		// a day after Friday is Saturday: settled the following Monday, and kept by a horizon at maturity
		assertThat(events.time(0)).isEqualTo(LocalDateTime.of(2021, 6, 7, 0, 0));
		assertThat(events.currency(0)).isEqualTo("USD");
		assertThat(events.payoff(0)).isCloseTo(2000 - 1.2 * 1000, within(1e-9));
	}

	@Test
	void aTerminationEndsTheOutrightBeforeItsDelivery() {
		CashFlowProjection events = this.engine.project(ContractTerms.parse(outright("terminationDate", "2021-06-04",
				"priceAtTerminationDate", "15")), (code, moment) -> 0);

		assertThat(events.size()).isEqualTo(1);
		assertThat(events.type(0)).isEqualTo(EventType.TD);
		assertThat(events.payoff(0)).isEqualTo(15);
	}

	@Test
	void termsAnOutrightCannotTakeRejectIt() {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> ContractTerms.parse(outright("exerciseDate", "2021-06-01")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.UNSUPPORTED_TERM));
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> ContractTerms.parse(outright("currency2", "USD")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.INCONSISTENT_TERMS));
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> ContractTerms.parse(outright("settlementPeriod", "P2D1M")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.UNKNOWN_CONVENTION));
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> ContractTerms.parse(outright("notionalPrincipal2", "0")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.INCONSISTENT_TERMS));
	}

}
