package batch.domain.cashflow;

/**
 * The market observations that rate resets and scaling read (the ACTUS risk factor observer).
 */
@FunctionalInterface
public interface MarketData {

	/**
	 * The value of a market object at a moment: the one observed then, or the latest before.
	 * @throws ContractRejectedException MISSING_MARKET_DATA when nothing was observed by then
	 */
	double valueAt(String marketObjectCode, long moment);

}
