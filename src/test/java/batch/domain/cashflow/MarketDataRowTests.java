package batch.domain.cashflow;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rows of the observations and curves files: read, or rejected with a reason.
 */
class MarketDataRowTests {

	@Test
	void readsAnObservationAndACurvePoint() {
		assertThat(MarketDataRow.observation(new String[] { "USD-SOFR", "2026-01-02", "0.0425" }))
			.isEqualTo(new MarketDataRow.Observation("USD-SOFR", LocalDateTime.of(2026, 1, 2, 0, 0), 0.0425));
		assertThat(MarketDataRow.curvePoint(new String[] { "EUR", " 10Y ", "0.031" }))
			.isEqualTo(new MarketDataRow.CurvePoint("EUR", "10Y", 0.031));
	}

	@ParameterizedTest(name = "{0},{1},{2} -> {3}")
	@CsvSource(delimiter = '|', value = { "USD-SOFR|''|0.01|MISSING_TERM", "USD-SOFR|02/01/2026|0.01|MALFORMED_DATE",
			"USD-SOFR|2026-01-02|1%|MALFORMED_NUMBER", "USD-SOFR|2026-01-02|Infinity|MALFORMED_NUMBER",
			"A-CODE-OF-SIXTY-FIVE-CHARACTERS-IS-LONGER-THAN-THE-TABLES-CAN-HOLD|2026-01-02|0.01|INCONSISTENT_TERMS" })
	void observationProblems(String code, String date, String value, CashFlowRejectReason reason) {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> MarketDataRow.observation(new String[] { code, date, value }))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@ParameterizedTest(name = "{0},{1},{2} -> {3}")
	@CsvSource(delimiter = '|', value = { "EUR|4Y|0.01|UNKNOWN_CONVENTION", "EUR|1Y|-1|INCONSISTENT_TERMS",
			"Euro|1Y|0.01|INCONSISTENT_TERMS", "EUR|1Y|x|MALFORMED_NUMBER", "''|1Y|0.01|MISSING_TERM" })
	void curveProblems(String currency, String tenor, String rate, CashFlowRejectReason reason) {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> MarketDataRow.curvePoint(new String[] { currency, tenor, rate }))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void aRowOfTheWrongWidthIsMalformed() {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> MarketDataRow.curvePoint(new String[] { "EUR", "1Y" }))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MALFORMED_ROW));
	}

}
