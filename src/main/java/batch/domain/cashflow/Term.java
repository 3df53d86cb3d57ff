package batch.domain.cashflow;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ACTUS contract terms that PAM, LAM, NAM and ANN accept (the data dictionary's
 * applicability), with their value types. {@code fixingDays}, used by the published conformance
 * cases, is accepted too.
 */
enum Term {


	CALENDAR("calendar", Kind.ENUM, "NC", "MF", "NOCALENDAR", "MONDAYTOFRIDAY"),
	BUSINESS_DAY_CONVENTION("businessDayConvention", Kind.ENUM, "NOS", "SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP",
			"CSP", "CSMP"),
	END_OF_MONTH_CONVENTION("endOfMonthConvention", Kind.ENUM, "SD", "EOM"),
	CONTRACT_TYPE("contractType", Kind.TEXT),
	STATUS_DATE("statusDate", Kind.DATE),
	CONTRACT_ROLE("contractRole", Kind.ENUM, "RPA", "RPL"),
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
	AMORTIZATION_DATE("amortizationDate", EnumSet.of(ContractType.ANN), Kind.DATE);

	/** The types that amortize principal. */
	private static final class Types {

		static final Set<ContractType> AMORTIZING = EnumSet.of(ContractType.LAM, ContractType.NAM, ContractType.ANN);

	}

	/** What kind of value a term holds. */
	enum Kind {

		DATE, REAL, TEXT, CYCLE, PERIOD, ENUM

	}

	private static final Map<String, Term> BY_NAME = new HashMap<>();

	static {
		for (Term term : values()) {
			BY_NAME.put(term.dictionaryName, term);
		}
	}

	private final String dictionaryName;

	private final Set<ContractType> types;

	private final Kind kind;

	private final Set<String> allowed;

	Term(String dictionaryName, Kind kind, String... allowed) {
		this(dictionaryName, EnumSet.allOf(ContractType.class), kind, allowed);
	}

	Term(String dictionaryName, Set<ContractType> types, Kind kind, String... allowed) {
		this.dictionaryName = dictionaryName;
		this.types = types;
		this.kind = kind;
		this.allowed = Set.of(allowed);
	}

	/** The term of a data-dictionary name, or null. */
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
		return this.types.contains(type);
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
