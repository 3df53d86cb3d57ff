package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The terms of one contract, checked ({@link ContractTermsParser}) and with the data dictionary's
 * defaults applied: cycle anchors default to the initial exchange plus one cycle, conventions to
 * NOS, NC and SD, the multiplier to 1, caps and floors to none. Times are {@link Moments}; absent times are
 * {@link Moments#NONE} and absent numbers NaN.
 */
public final class ContractTerms {

	final String contractId;

	final ContractType type;

	final double roleSign;

	final String currency;

	final long statusDate;

	final long initialExchangeDate;

	final long maturityDate;

	final long amortizationDate;

	final double notionalPrincipal;

	final double nominalInterestRate;

	final DayCountConvention dayCount;

	final BusinessDayConvention businessDay;

	final BusinessCalendar calendar;

	final EndOfMonthConvention endOfMonth;

	final double premiumDiscountAtIed;

	final double accruedInterest;

	final long interestPaymentAnchor;

	final Cycle interestPaymentCycle;

	final long capitalizationEndDate;

	final long principalRedemptionAnchor;

	final Cycle principalRedemptionCycle;

	final double nextPrincipalRedemptionPayment;

	final long rateResetAnchor;

	final Cycle rateResetCycle;

	final String rateResetMarketObject;

	final double rateSpread;

	final double rateMultiplier;

	final double periodCap;

	final double periodFloor;

	final double lifeCap;

	final double lifeFloor;

	final double nextResetRate;

	final long purchaseDate;

	final double priceAtPurchaseDate;

	final long terminationDate;

	final double priceAtTerminationDate;

	final InterestCalculationBase interestCalculationBase;

	final double interestCalculationBaseAmount;

	final long interestCalculationBaseAnchor;

	final Cycle interestCalculationBaseCycle;

	final boolean interestScaled;

	final boolean notionalScaled;

	final long scalingAnchor;

	final Cycle scalingCycle;

	final String scalingMarketObject;

	final double scalingIndexAtContractDealDate;

	final double notionalScalingMultiplier;

	final double interestScalingMultiplier;

	// the values as checked, for staging
	private final CheckedTerms checked;

	/** What interest accrues on in an amortizing contract. */
	enum InterestCalculationBase {

		/** The notional outstanding. */
		NT,
		/** The notional at initial exchange. */
		NTIED,
		/** The notional outstanding, updated only on its own cycle. */
		NTL

	}

	ContractTerms(CheckedTerms values) {
		this.checked = values;
		this.contractId = values.text(Term.CONTRACT_ID);
		this.type = ContractType.valueOf(values.text(Term.CONTRACT_TYPE).strip());
		this.roleSign = roleSign(values.allowed(Term.CONTRACT_ROLE));
		this.currency = values.text(Term.CURRENCY);
		this.statusDate = values.date(Term.STATUS_DATE);
		this.initialExchangeDate = values.date(Term.INITIAL_EXCHANGE_DATE);
		this.maturityDate = values.date(Term.MATURITY_DATE);
		this.amortizationDate = values.date(Term.AMORTIZATION_DATE);
		this.notionalPrincipal = values.real(Term.NOTIONAL_PRINCIPAL, Double.NaN);
		this.nominalInterestRate = values.real(Term.NOMINAL_INTEREST_RATE, Double.NaN);
		this.dayCount = DayCountConvention.ofAcronym(values.allowed(Term.DAY_COUNT_CONVENTION));
		String businessDay = values.allowed(Term.BUSINESS_DAY_CONVENTION);
		this.businessDay = (businessDay != null) ? BusinessDayConvention.valueOf(businessDay) : BusinessDayConvention.NOS;
		String calendar = values.allowed(Term.CALENDAR);
		this.calendar = ("MF".equals(calendar) || "MONDAYTOFRIDAY".equals(calendar)) ? BusinessCalendar.MF
				: BusinessCalendar.NC;
		this.endOfMonth = "EOM".equals(values.allowed(Term.END_OF_MONTH_CONVENTION)) ? EndOfMonthConvention.EOM
				: EndOfMonthConvention.SD;
		this.premiumDiscountAtIed = values.real(Term.PREMIUM_DISCOUNT_AT_IED, 0);
		this.accruedInterest = values.real(Term.ACCRUED_INTEREST, Double.NaN);
		this.interestPaymentCycle = values.cycle(Term.CYCLE_OF_INTEREST_PAYMENT);
		this.interestPaymentAnchor = anchor(values.date(Term.CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT),
				this.interestPaymentCycle);
		this.capitalizationEndDate = values.date(Term.CAPITALIZATION_END_DATE);
		this.principalRedemptionCycle = values.cycle(Term.CYCLE_OF_PRINCIPAL_REDEMPTION);
		this.principalRedemptionAnchor = anchor(values.date(Term.CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION),
				this.principalRedemptionCycle);
		this.nextPrincipalRedemptionPayment = values.real(Term.NEXT_PRINCIPAL_REDEMPTION_PAYMENT, Double.NaN);
		this.rateResetCycle = values.cycle(Term.CYCLE_OF_RATE_RESET);
		this.rateResetAnchor = anchor(values.date(Term.CYCLE_ANCHOR_DATE_OF_RATE_RESET), this.rateResetCycle);
		this.rateResetMarketObject = values.text(Term.MARKET_OBJECT_CODE_OF_RATE_RESET);
		this.rateSpread = values.real(Term.RATE_SPREAD, 0);
		this.rateMultiplier = values.real(Term.RATE_MULTIPLIER, 1);
		this.periodCap = values.real(Term.PERIOD_CAP, Double.POSITIVE_INFINITY);
		// the lower bound of a reset's change: the reference takes the term as a signed bound (a
		// fall of up to 13 bp is -0.0013), the data dictionary as a positive largest fall; either
		// way it bounds a fall, never forces a rise
		this.periodFloor = -Math.abs(values.real(Term.PERIOD_FLOOR, Double.POSITIVE_INFINITY));
		this.lifeCap = values.real(Term.LIFE_CAP, Double.POSITIVE_INFINITY);
		this.lifeFloor = values.real(Term.LIFE_FLOOR, Double.NEGATIVE_INFINITY);
		this.nextResetRate = values.real(Term.NEXT_RESET_RATE, Double.NaN);
		this.purchaseDate = values.date(Term.PURCHASE_DATE);
		this.priceAtPurchaseDate = values.real(Term.PRICE_AT_PURCHASE_DATE, Double.NaN);
		this.terminationDate = values.date(Term.TERMINATION_DATE);
		this.priceAtTerminationDate = values.real(Term.PRICE_AT_TERMINATION_DATE, Double.NaN);
		String base = values.allowed(Term.INTEREST_CALCULATION_BASE);
		this.interestCalculationBase = (base != null) ? InterestCalculationBase.valueOf(base)
				: InterestCalculationBase.NT;
		this.interestCalculationBaseAmount = values.real(Term.INTEREST_CALCULATION_BASE_AMOUNT, Double.NaN);
		this.interestCalculationBaseCycle = values.cycle(Term.CYCLE_OF_INTEREST_CALCULATION_BASE);
		this.interestCalculationBaseAnchor = anchor(values.date(Term.CYCLE_ANCHOR_DATE_OF_INTEREST_CALCULATION_BASE),
				this.interestCalculationBaseCycle);
		String scaling = values.allowed(Term.SCALING_EFFECT);
		this.interestScaled = scaling != null && scaling.charAt(0) == 'I';
		this.notionalScaled = scaling != null && scaling.charAt(1) == 'N';
		this.scalingCycle = values.cycle(Term.CYCLE_OF_SCALING_INDEX);
		this.scalingAnchor = anchor(values.date(Term.CYCLE_ANCHOR_DATE_OF_SCALING_INDEX), this.scalingCycle);
		this.scalingMarketObject = values.text(Term.MARKET_OBJECT_CODE_OF_SCALING_INDEX);
		this.scalingIndexAtContractDealDate = values.real(Term.SCALING_INDEX_AT_CONTRACT_DEAL_DATE, Double.NaN);
		this.notionalScalingMultiplier = values.real(Term.NOTIONAL_SCALING_MULTIPLIER, 1);
		this.interestScalingMultiplier = values.real(Term.INTEREST_SCALING_MULTIPLIER, 1);
	}

	// ACTUS R(CNTRL): the sign of the contract's flows from the holder's side; the asset, the first
	// leg received, the fixed rate received, the buyer, the collateral and the underlying (plus)
	// positive.
	private static double roleSign(String role) {
		return switch (role) {
			case "RPL", "PFL", "PF", "SEL", "UDLM" -> -1.0;
			default -> 1.0;
		};
	}

	// A cycle without its anchor starts one cycle after the initial exchange.
	private long anchor(long anchor, Cycle cycle) {
		if (anchor != Moments.NONE || cycle == null) {
			return anchor;
		}
		return cycle.plus(this.initialExchangeDate, 1, false);
	}

	/**
	 * Checks and reads the terms of one contract, by data-dictionary name: each value a string, or
	 * for an array term ({@link #isArrayTerm}) a list of strings.
	 * @throws ContractRejectedException with the first problem, in the spec's order
	 * @see ContractTermsParser
	 */
	public static ContractTerms parse(Map<String, ?> terms) {
		return ContractTermsParser.parse(terms);
	}

	/** Whether a term, by data-dictionary name, takes a list of values (as LAX's array terms). */
	public static boolean isArrayTerm(String name) {
		Term term = Term.named(name);
		return term != null && term.kind().isArray();
	}

	/**
	 * The terms as checked, typed, by data-dictionary name: dates as {@link Moments}, numbers as
	 * doubles, conventions as their allowed values, cycles as {@code [months, days, longStub]}.
	 * Plain values, for a JSON column; {@link #restore} reads them back without checking again.
	 */
	public Map<String, Object> staged() {
		return this.checked.staged();
	}

	/**
	 * The terms that {@link #staged} gave, without checking them again: they were checked when
	 * they were staged. Terms staged as text by an earlier version (every value a string) are
	 * parsed and checked as on import.
	 */
	public static ContractTerms restore(Map<String, ?> staged) {
		if (staged.get(Term.STATUS_DATE.dictionaryName()) instanceof String) {
			Map<String, String> text = new LinkedHashMap<>();
			staged.forEach((name, value) -> text.put(name, String.valueOf(value)));
			return parse(text);
		}
		return new ContractTerms(CheckedTerms.restore(staged));
	}

	// The checked value of any term, for the types whose terms have no field of their own.

	String text(Term term) {
		return this.checked.text(term);
	}

	String allowed(Term term) {
		return this.checked.allowed(term);
	}

	long date(Term term) {
		return this.checked.date(term);
	}

	double real(Term term, double otherwise) {
		return this.checked.real(term, otherwise);
	}

	Cycle cycle(Term term) {
		return this.checked.cycle(term);
	}

	boolean has(Term term) {
		return this.checked.has(term);
	}

	// The checked values of an array term (LAX's), empty when it is absent.

	long[] dates(Term term) {
		return this.checked.dates(term);
	}

	double[] reals(Term term) {
		return this.checked.reals(term);
	}

	Cycle[] cycles(Term term) {
		return this.checked.cycles(term);
	}

	String[] allowedValues(Term term) {
		return this.checked.allowedValues(term);
	}

	/** Three capital letters: the form of an ISO 4217 code. */
	public static boolean isCurrencyCode(String text) {
		return text.length() == 3 && text.chars().allMatch((c) -> c >= 'A' && c <= 'Z');
	}

	public String contractId() {
		return this.contractId;
	}

	public ContractType type() {
		return this.type;
	}

	public String currency() {
		return this.currency;
	}

	public LocalDateTime statusDate() {
		return Moments.toLocalDateTime(this.statusDate);
	}

}
