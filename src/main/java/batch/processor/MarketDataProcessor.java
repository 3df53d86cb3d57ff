package batch.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.reader.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads a row of a market data file (rate observations, yield curve points), rejecting one that
 * cannot be read, and one that gives a second value for what an earlier row of the file gave: the
 * first value stands. Step scoped, so that it knows one file's rows.
 */
class MarketDataProcessor<T> implements ItemProcessor<CsvRecord, T> {

	private final Function<String[], T> parser;

	private final Function<T, List<Object>> key;

	private final String keyNames;

	private final Set<List<Object>> seen = new HashSet<>();

	/**
	 * @param parser the row from its fields, or a {@link ContractRejectedException}
	 * @param key what two rows must not share
	 * @param keyNames the columns of the key, for the rejection's message
	 */
	public MarketDataProcessor(Function<String[], T> parser, Function<T, List<Object>> key, String keyNames) {
		this.parser = parser;
		this.key = key;
		this.keyNames = keyNames;
	}

	@Override
	public T process(CsvRecord line) {
		if (!line.readable()) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW,
					"the record cannot be read: " + line.problem());
		}
		T row = this.parser.apply(line.values());
		if (!this.seen.add(this.key.apply(row))) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"the same " + this.keyNames + " as an earlier line");
		}
		return row;
	}

}
