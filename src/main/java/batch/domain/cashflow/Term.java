package batch.domain.cashflow;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ACTUS contract terms, with their value types and the contract types they apply to: for
 * PAM, LAM, NAM and ANN as given here term by term, for the others as the data dictionary's
 * applicability lists them. {@code fixingDays} and {@code marketObjectCodeOfDividends}, used by
 * the published conformance cases, are accepted too, and so are actus-core's names for the
 * dividend cycle and its anchor.
 */
enum Term {


	CALENDAR("calendar", Kind.ENUM, "NC", "MF", "NOCALENDAR", "MONDAYTOFRIDAY"),
	BUSINESS_DAY_CONVENTION("businessDayConvention", Kind.ENUM, "NOS", "SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP",
			"CSP", "CSMP"),
	END_OF_MONTH_CONVENTION("endOfMonthConvention", Kind.ENUM, "SD", "EOM"),
	CONTRACT_TYPE("contractType", Kind.TEXT),
	STATUS_DATE("statusDate", Kind.DATE),
	CONTRACT_ROLE("contractRole", Kind.ENUM, "RPA", "RPL", "RFL", "PFL", "RF", "PF", "BUY", "SEL", "COL", "CNO", "UDL",
			"UDLP", "UDLM"),
	CREATOR_ID("creatorID", Kind.TEXT),
	CONTRACT_ID("contractID", Kind.TEXT),
	MARKET_OBJECT_CODE("marketObjectCode", Kind.TEXT),
	COUNTERPARTY_ID("counterpartyID", Kind.TEXT),
	CONTRACT_PERFORMANCE("contractPerformance", Kind.ENUM, "PF", "DL", "DQ", "DF", "MA", "TE"),
	SENIORITY("seniority", Kind.ENUM, "S", "J"),
	NON_PERFORMING_DATE("nonPerformingDate", Kind.DATE),
	PREPAYMENT_PERIOD("prepaymentPeriod", Kind.PERIOD),
	GRACE_PERIOD("gracePeriod", Kind.PERIOD),
	DELINQUENCY_PERIOD("delinquencyPeriod", Kind.PERIOD),
	DELINQUENCY_RATE("delinquencyRate", Kind.REAL),
	CYCLE_ANCHOR_DATE_OF_FEE("cycleAnchorDateOfFee", Kind.DATE),
	CYCLE_OF_FEE("cycleOfFee", Kind.CYCLE),
	FEE_BASIS("feeBasis", Kind.ENUM, "A", "N"),
	FEE_RATE("feeRate", Kind.REAL),
	FEE_ACCRUED("feeAccrued", Kind.REAL),
	CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT("cycleAnchorDateOfInterestPayment", Kind.DATE),
	CYCLE_OF_INTEREST_PAYMENT("cycleOfInterestPayment", Kind.CYCLE),
	NOMINAL_INTEREST_RATE("nominalInterestRate", Kind.REAL),
	DAY_COUNT_CONVENTION("dayCountConvention", Kind.ENUM, "AA", "A360", "A365", "30E360ISDA", "30E360"),
	ACCRUED_INTEREST("accruedInterest", Kind.REAL),
	CAPITALIZATION_END_DATE("capitalizationEndDate", Kind.DATE),
	CYCLE_POINT_OF_INTEREST_PAYMENT("cyclePointOfInterestPayment", EnumSet.of(ContractType.PAM, ContractType.LAM),
			Kind.ENUM, "B", "E"),
	CURRENCY("currency", Kind.TEXT),
	CONTRACT_DEAL_DATE("contractDealDate", Kind.DATE),
	INITIAL_EXCHANGE_DATE("initialExchangeDate", Kind.DATE),
	PREMIUM_DISCOUNT_AT_IED("premiumDiscountAtIED", Kind.REAL),
	MATURITY_DATE("maturityDate", Kind.DATE),
	NOTIONAL_PRINCIPAL("notionalPrincipal", Kind.REAL),
	PURCHASE_DATE("purchaseDate", Kind.DATE),
	PRICE_AT_PURCHASE_DATE("priceAtPurchaseDate", Kind.REAL),
	TERMINATION_DATE("terminationDate", Kind.DATE),
	PRICE_AT_TERMINATION_DATE("priceAtTerminationDate", Kind.REAL),
	CREDIT_LINE_AMOUNT("creditLineAmount", Kind.REAL),
	MARKET_OBJECT_CODE_OF_SCALING_INDEX("marketObjectCodeOfScalingIndex", Kind.TEXT),
	SCALING_INDEX_AT_CONTRACT_DEAL_DATE("scalingIndexAtContractDealDate", Kind.REAL),
	NOTIONAL_SCALING_MULTIPLIER("notionalScalingMultiplier", Kind.REAL),
	INTEREST_SCALING_MULTIPLIER("interestScalingMultiplier", Kind.REAL),
	CYCLE_ANCHOR_DATE_OF_SCALING_INDEX("cycleAnchorDateOfScalingIndex", Kind.DATE),
	CYCLE_OF_SCALING_INDEX("cycleOfScalingIndex", Kind.CYCLE),
	SCALING_EFFECT("scalingEffect", Kind.ENUM, "000", "I00", "0N0", "IN0"),
	MARKET_VALUE_OBSERVED("marketValueObserved", Kind.REAL),
	OPTION_EXERCISE_END_DATE("optionExerciseEndDate", Kind.DATE),
	CYCLE_ANCHOR_DATE_OF_OPTIONALITY("cycleAnchorDateOfOptionality", Kind.DATE),
	CYCLE_OF_OPTIONALITY("cycleOfOptionality", Kind.CYCLE),
	PENALTY_TYPE("penaltyType", Kind.ENUM, "O", "A", "N", "I"),
	PENALTY_RATE("penaltyRate", Kind.REAL),
	PREPAYMENT_EFFECT("prepaymentEffect", Kind.ENUM, "N", "A", "M"),
	CYCLE_ANCHOR_DATE_OF_RATE_RESET("cycleAnchorDateOfRateReset", Kind.DATE),
	CYCLE_OF_RATE_RESET("cycleOfRateReset", Kind.CYCLE),
	RATE_SPREAD("rateSpread", Kind.REAL),
	MARKET_OBJECT_CODE_OF_RATE_RESET("marketObjectCodeOfRateReset", Kind.TEXT),
	LIFE_CAP("lifeCap", Kind.REAL),
	LIFE_FLOOR("lifeFloor", Kind.REAL),
	PERIOD_CAP("periodCap", Kind.REAL),
	PERIOD_FLOOR("periodFloor", Kind.REAL),
	CYCLE_POINT_OF_RATE_RESET("cyclePointOfRateReset", EnumSet.of(ContractType.PAM, ContractType.LAM), Kind.ENUM,
			"B", "E"),
	FIXING_PERIOD("fixingPeriod", Kind.PERIOD),
	FIXING_DAYS("fixingDays", Kind.PERIOD),
	NEXT_RESET_RATE("nextResetRate", Kind.REAL),
	RATE_MULTIPLIER("rateMultiplier", Kind.REAL),
	SETTLEMENT_CURRENCY("settlementCurrency", Kind.TEXT),
	CYCLE_ANCHOR_DATE_OF_INTEREST_CALCULATION_BASE("cycleAnchorDateOfInterestCalculationBase", Types.AMORTIZING, Kind.DATE),
	CYCLE_OF_INTEREST_CALCULATION_BASE("cycleOfInterestCalculationBase", Types.AMORTIZING, Kind.CYCLE),
	INTEREST_CALCULATION_BASE("interestCalculationBase", Types.AMORTIZING, Kind.ENUM, "NT", "NTIED", "NTL"),
	INTEREST_CALCULATION_BASE_AMOUNT("interestCalculationBaseAmount", Types.AMORTIZING, Kind.REAL),
	CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION("cycleAnchorDateOfPrincipalRedemption", Types.AMORTIZING, Kind.DATE),
	CYCLE_OF_PRINCIPAL_REDEMPTION("cycleOfPrincipalRedemption", Types.AMORTIZING, Kind.CYCLE),
	NEXT_PRINCIPAL_REDEMPTION_PAYMENT("nextPrincipalRedemptionPayment", Types.AMORTIZING, Kind.REAL),
	AMORTIZATION_DATE("amortizationDate", EnumSet.of(ContractType.ANN), Kind.DATE),
	// the terms of the other types that the lending types do not take
	X_DAY_NOTICE("xDayNotice", Types.NEW, Kind.PERIOD),
	MAXIMUM_PENALTY_FREE_DISBURSEMENT("maximumPenaltyFreeDisbursement", Types.NEW, Kind.REAL),
	NOMINAL_INTEREST_RATE2("nominalInterestRate2", Types.NEW, Kind.REAL),
	DELIVERY_SETTLEMENT("deliverySettlement", Types.NEW, Kind.ENUM, "S", "D"),
	CURRENCY2("currency2", Types.NEW, Kind.TEXT),
	NOTIONAL_PRINCIPAL2("notionalPrincipal2", Types.NEW, Kind.REAL),
	EXERCISE_DATE("exerciseDate", Types.NEW, Kind.DATE),
	EXERCISE_AMOUNT("exerciseAmount", Types.NEW, Kind.REAL),
	SETTLEMENT_PERIOD("settlementPeriod", Types.NEW, Kind.PERIOD),
	CYCLE_ANCHOR_DATE_OF_DIVIDEND("cycleAnchorDateOfDividend", Types.NEW, Kind.DATE),
	CYCLE_OF_DIVIDEND("cycleOfDividend", Types.NEW, Kind.CYCLE),
	NEXT_DIVIDEND_PAYMENT_AMOUNT("nextDividendPaymentAmount", Types.NEW, Kind.REAL),
	EX_DIVIDEND_DATE("exDividendDate", Types.NEW, Kind.DATE),
	QUANTITY("quantity", Types.NEW, Kind.REAL),
	UNIT("unit", Types.NEW, Kind.ENUM, "BRL", "BSH", "GLN", "CUU", "MWH", "PND", "STN", "TON", "TRO"),
	// not in the dictionary, whose stock reads its dividends from "<contractID>-DV" (ACTUS 7.9);
	// actus-core and its conformance cases name the market object with this term
	MARKET_OBJECT_CODE_OF_DIVIDENDS("marketObjectCodeOfDividends", Types.NEW, Kind.TEXT),
	// LAX's schedules, segment by segment; ARFIXVAR takes actus-core's FIX and VAR as the
	// dictionary's F and V
	ARRAY_CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT("arrayCycleAnchorDateOfInterestPayment", Types.NEW, Kind.DATE_ARRAY),
	ARRAY_CYCLE_OF_INTEREST_PAYMENT("arrayCycleOfInterestPayment", Types.NEW, Kind.CYCLE_ARRAY),
	ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION("arrayCycleAnchorDateOfPrincipalRedemption", Types.NEW,
			Kind.DATE_ARRAY),
	ARRAY_CYCLE_OF_PRINCIPAL_REDEMPTION("arrayCycleOfPrincipalRedemption", Types.NEW, Kind.CYCLE_ARRAY),
	ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT("arrayNextPrincipalRedemptionPayment", Types.NEW, Kind.REAL_ARRAY),
	ARRAY_INCREASE_DECREASE("arrayIncreaseDecrease", Types.NEW, Kind.ENUM_ARRAY, "INC", "DEC"),
	ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET("arrayCycleAnchorDateOfRateReset", Types.NEW, Kind.DATE_ARRAY),
	ARRAY_CYCLE_OF_RATE_RESET("arrayCycleOfRateReset", Types.NEW, Kind.CYCLE_ARRAY),
	ARRAY_RATE("arrayRate", Types.NEW, Kind.REAL_ARRAY),
	ARRAY_FIXED_VARIABLE("arrayFixedVariable", Types.NEW, Kind.ENUM_ARRAY, "F", "V", "FIX", "VAR");

	/** The lending types' applicability, given term by term. */
	private static final class Types {

		static final Set<ContractType> LENDING = EnumSet.of(ContractType.PAM, ContractType.LAM, ContractType.NAM,
				ContractType.ANN);

		static final Set<ContractType> AMORTIZING = EnumSet.of(ContractType.LAM, ContractType.NAM, ContractType.ANN);

		static final Set<ContractType> NEW = EnumSet.noneOf(ContractType.class);

	}

	/** What kind of value a term holds. */
	enum Kind {

		DATE, REAL, TEXT, CYCLE, PERIOD, ENUM, DATE_ARRAY, REAL_ARRAY, CYCLE_ARRAY, ENUM_ARRAY;

		/** Whether a term of this kind takes a list of values. */
		boolean isArray() {
			return this == DATE_ARRAY || this == REAL_ARRAY || this == CYCLE_ARRAY || this == ENUM_ARRAY;
		}

	}

	private static final Map<String, Term> BY_NAME = new HashMap<>();

	static {
		for (Term term : values()) {
			BY_NAME.put(term.dictionaryName, term);
		}
		// actus-core's names for the stock's dividend terms, which its conformance cases use
		BY_NAME.put("cycleAnchorDateOfDividendPayment", CYCLE_ANCHOR_DATE_OF_DIVIDEND);
		BY_NAME.put("cycleOfDividendPayment", CYCLE_OF_DIVIDEND);
	}

	private final String dictionaryName;

	private final Set<ContractType> types;

	private final Kind kind;

	private final Set<String> allowed;

	Term(String dictionaryName, Kind kind, String... allowed) {
		this(dictionaryName, Types.LENDING, kind, allowed);
	}

	Term(String dictionaryName, Set<ContractType> types, Kind kind, String... allowed) {
		this.dictionaryName = dictionaryName;
		this.types = types;
		this.kind = kind;
		this.allowed = Set.of(allowed);
	}

	/** The term of a data-dictionary name (or of actus-core's name for it), or null. */
	static Term named(String name) {
		return BY_NAME.get(name);
	}

	/** Whether a name is a term of any contract type here. */
	static boolean isTerm(String name) {
		return BY_NAME.containsKey(name);
	}

	String dictionaryName() {
		return this.dictionaryName;
	}

	Kind kind() {
		return this.kind;
	}

	boolean appliesTo(ContractType type) {
		return Types.LENDING.contains(type) ? this.types.contains(type) : Applicability.OTHERS.get(type).contains(this);
	}

	/**
	 * The terms of the other types, as the data dictionary's applicability lists them (a holder:
	 * it reads the constants once they exist).
	 */
	private static final class Applicability {

		static final Map<ContractType, Set<Term>> OTHERS = new EnumMap<>(ContractType.class);

		static {
			put(ContractType.LAX, "CALENDAR BUSINESS_DAY_CONVENTION END_OF_MONTH_CONVENTION CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID MARKET_OBJECT_CODE COUNTERPARTY_ID CONTRACT_PERFORMANCE SENIORITY NON_PERFORMING_DATE PREPAYMENT_PERIOD GRACE_PERIOD DELINQUENCY_PERIOD DELINQUENCY_RATE CYCLE_ANCHOR_DATE_OF_FEE CYCLE_OF_FEE FEE_BASIS FEE_RATE FEE_ACCRUED NOMINAL_INTEREST_RATE DAY_COUNT_CONVENTION ACCRUED_INTEREST CAPITALIZATION_END_DATE CYCLE_ANCHOR_DATE_OF_INTEREST_CALCULATION_BASE CYCLE_OF_INTEREST_CALCULATION_BASE INTEREST_CALCULATION_BASE INTEREST_CALCULATION_BASE_AMOUNT CYCLE_POINT_OF_INTEREST_PAYMENT CURRENCY CONTRACT_DEAL_DATE INITIAL_EXCHANGE_DATE PREMIUM_DISCOUNT_AT_IED MATURITY_DATE NOTIONAL_PRINCIPAL PURCHASE_DATE PRICE_AT_PURCHASE_DATE TERMINATION_DATE PRICE_AT_TERMINATION_DATE MARKET_OBJECT_CODE_OF_SCALING_INDEX SCALING_INDEX_AT_CONTRACT_DEAL_DATE NOTIONAL_SCALING_MULTIPLIER INTEREST_SCALING_MULTIPLIER CYCLE_ANCHOR_DATE_OF_SCALING_INDEX CYCLE_OF_SCALING_INDEX SCALING_EFFECT MARKET_VALUE_OBSERVED OPTION_EXERCISE_END_DATE CYCLE_ANCHOR_DATE_OF_OPTIONALITY CYCLE_OF_OPTIONALITY PENALTY_TYPE PENALTY_RATE PREPAYMENT_EFFECT MARKET_OBJECT_CODE_OF_RATE_RESET LIFE_CAP LIFE_FLOOR PERIOD_CAP PERIOD_FLOOR CYCLE_POINT_OF_RATE_RESET FIXING_PERIOD NEXT_RESET_RATE RATE_MULTIPLIER SETTLEMENT_CURRENCY ARRAY_CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT ARRAY_CYCLE_OF_INTEREST_PAYMENT ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION ARRAY_CYCLE_OF_PRINCIPAL_REDEMPTION ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT ARRAY_INCREASE_DECREASE ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET ARRAY_CYCLE_OF_RATE_RESET ARRAY_RATE ARRAY_FIXED_VARIABLE");
			put(ContractType.CLM, "CALENDAR BUSINESS_DAY_CONVENTION END_OF_MONTH_CONVENTION CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID COUNTERPARTY_ID CONTRACT_PERFORMANCE SENIORITY NON_PERFORMING_DATE PREPAYMENT_PERIOD GRACE_PERIOD DELINQUENCY_PERIOD DELINQUENCY_RATE CYCLE_ANCHOR_DATE_OF_FEE CYCLE_OF_FEE FEE_BASIS FEE_RATE FEE_ACCRUED CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT CYCLE_OF_INTEREST_PAYMENT NOMINAL_INTEREST_RATE DAY_COUNT_CONVENTION ACCRUED_INTEREST CURRENCY CONTRACT_DEAL_DATE INITIAL_EXCHANGE_DATE MATURITY_DATE NOTIONAL_PRINCIPAL X_DAY_NOTICE CYCLE_ANCHOR_DATE_OF_RATE_RESET CYCLE_OF_RATE_RESET RATE_SPREAD MARKET_OBJECT_CODE_OF_RATE_RESET FIXING_PERIOD NEXT_RESET_RATE RATE_MULTIPLIER SETTLEMENT_CURRENCY");
			put(ContractType.UMP, "CALENDAR BUSINESS_DAY_CONVENTION END_OF_MONTH_CONVENTION CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID COUNTERPARTY_ID CONTRACT_PERFORMANCE SENIORITY NON_PERFORMING_DATE PREPAYMENT_PERIOD GRACE_PERIOD DELINQUENCY_PERIOD DELINQUENCY_RATE CYCLE_ANCHOR_DATE_OF_FEE CYCLE_OF_FEE FEE_BASIS FEE_RATE FEE_ACCRUED CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT CYCLE_OF_INTEREST_PAYMENT NOMINAL_INTEREST_RATE DAY_COUNT_CONVENTION ACCRUED_INTEREST CURRENCY CONTRACT_DEAL_DATE INITIAL_EXCHANGE_DATE NOTIONAL_PRINCIPAL TERMINATION_DATE PRICE_AT_TERMINATION_DATE X_DAY_NOTICE MAXIMUM_PENALTY_FREE_DISBURSEMENT CYCLE_ANCHOR_DATE_OF_RATE_RESET CYCLE_OF_RATE_RESET RATE_SPREAD MARKET_OBJECT_CODE_OF_RATE_RESET SETTLEMENT_CURRENCY");
			put(ContractType.SWPPV, "CALENDAR BUSINESS_DAY_CONVENTION END_OF_MONTH_CONVENTION CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID MARKET_OBJECT_CODE COUNTERPARTY_ID CONTRACT_PERFORMANCE SENIORITY NON_PERFORMING_DATE GRACE_PERIOD DELINQUENCY_PERIOD DELINQUENCY_RATE CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT CYCLE_OF_INTEREST_PAYMENT NOMINAL_INTEREST_RATE NOMINAL_INTEREST_RATE2 DAY_COUNT_CONVENTION CURRENCY CONTRACT_DEAL_DATE INITIAL_EXCHANGE_DATE MATURITY_DATE NOTIONAL_PRINCIPAL PURCHASE_DATE PRICE_AT_PURCHASE_DATE TERMINATION_DATE PRICE_AT_TERMINATION_DATE MARKET_VALUE_OBSERVED CYCLE_ANCHOR_DATE_OF_RATE_RESET CYCLE_OF_RATE_RESET RATE_SPREAD MARKET_OBJECT_CODE_OF_RATE_RESET CYCLE_POINT_OF_RATE_RESET FIXING_PERIOD NEXT_RESET_RATE RATE_MULTIPLIER DELIVERY_SETTLEMENT SETTLEMENT_CURRENCY");
			put(ContractType.FXOUT, "CALENDAR BUSINESS_DAY_CONVENTION END_OF_MONTH_CONVENTION CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID MARKET_OBJECT_CODE COUNTERPARTY_ID CONTRACT_PERFORMANCE SENIORITY NON_PERFORMING_DATE GRACE_PERIOD DELINQUENCY_PERIOD DELINQUENCY_RATE CURRENCY CURRENCY2 CONTRACT_DEAL_DATE MATURITY_DATE NOTIONAL_PRINCIPAL NOTIONAL_PRINCIPAL2 PURCHASE_DATE PRICE_AT_PURCHASE_DATE TERMINATION_DATE PRICE_AT_TERMINATION_DATE MARKET_VALUE_OBSERVED EXERCISE_DATE EXERCISE_AMOUNT SETTLEMENT_PERIOD DELIVERY_SETTLEMENT SETTLEMENT_CURRENCY");
			put(ContractType.STK, "CALENDAR BUSINESS_DAY_CONVENTION END_OF_MONTH_CONVENTION CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID MARKET_OBJECT_CODE COUNTERPARTY_ID CONTRACT_PERFORMANCE SENIORITY NON_PERFORMING_DATE CYCLE_ANCHOR_DATE_OF_DIVIDEND CYCLE_OF_DIVIDEND NEXT_DIVIDEND_PAYMENT_AMOUNT EX_DIVIDEND_DATE MARKET_OBJECT_CODE_OF_DIVIDENDS CURRENCY CONTRACT_DEAL_DATE NOTIONAL_PRINCIPAL QUANTITY PURCHASE_DATE PRICE_AT_PURCHASE_DATE TERMINATION_DATE PRICE_AT_TERMINATION_DATE MARKET_VALUE_OBSERVED SETTLEMENT_CURRENCY");
			put(ContractType.COM, "CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID MARKET_OBJECT_CODE COUNTERPARTY_ID CURRENCY CONTRACT_DEAL_DATE QUANTITY UNIT PURCHASE_DATE PRICE_AT_PURCHASE_DATE TERMINATION_DATE PRICE_AT_TERMINATION_DATE MARKET_VALUE_OBSERVED");
			put(ContractType.CSH, "CONTRACT_TYPE STATUS_DATE CONTRACT_ROLE CREATOR_ID CONTRACT_ID CURRENCY NOTIONAL_PRINCIPAL");
		}

		private static void put(ContractType type, String terms) {
			Set<Term> applicable = EnumSet.noneOf(Term.class);
			for (String term : terms.split(" ")) {
				applicable.add(Term.valueOf(term));
			}
			OTHERS.put(type, applicable);
		}

	}

	/** The allowed value this text stands for (case and the letter O for zero aside), or null. */
	String allowedValue(String text) {
		String value = text.strip().toUpperCase(Locale.ROOT);
		if (this == SCALING_EFFECT) {
			value = value.replace('O', '0');
		}
		return this.allowed.contains(value) ? value : null;
	}

}
