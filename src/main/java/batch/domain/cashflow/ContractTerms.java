package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The terms of one contract, checked and with the data dictionary's defaults applied: cycle
 * anchors default to the initial exchange plus one cycle, conventions to NOS, NC and SD, the
 * multiplier to 1, caps and floors to none. Times are {@link Moments}; absent times are
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

	/** What interest accrues on in an amortizing contract. */
	enum InterestCalculationBase {

		/** The notional outstanding. */
		NT,
		/** The notional at initial exchange. */
		NTIED,
		/** The notional outstanding, updated only on its own cycle. */
		NTL

	}

	private ContractTerms(Values values) {
		this.contractId = values.text(Term.CONTRACT_ID);
		this.type = ContractType.valueOf(values.text(Term.CONTRACT_TYPE).strip());
		this.roleSign = "RPL".equals(values.allowed(Term.CONTRACT_ROLE)) ? -1.0 : 1.0;
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

	// A cycle without its anchor starts one cycle after the initial exchange.
	private long anchor(long anchor, Cycle cycle) {
		if (anchor != Moments.NONE || cycle == null) {
			return anchor;
		}
		return cycle.plus(this.initialExchangeDate, 1, false);
	}

	/**
	 * Checks and reads the terms of one contract, by data-dictionary name.
	 * @throws ContractRejectedException with the first problem, in the spec's order
	 */
	public static ContractTerms parse(Map<String, String> terms) {
		Values values = new Values(terms);
		values.require(Term.CONTRACT_TYPE, Term.CONTRACT_ID, Term.CONTRACT_ROLE, Term.STATUS_DATE, Term.CURRENCY,
				Term.INITIAL_EXCHANGE_DATE, Term.NOTIONAL_PRINCIPAL, Term.NOMINAL_INTEREST_RATE,
				Term.DAY_COUNT_CONVENTION);
		ContractType type = contractType(values.text(Term.CONTRACT_TYPE));
		if (type == ContractType.PAM) {
			values.require(Term.MATURITY_DATE);
		}
		if (type == ContractType.NAM) {
			values.require(Term.NEXT_PRINCIPAL_REDEMPTION_PAYMENT);
		}
		values.requireWith(Term.PURCHASE_DATE, Term.PRICE_AT_PURCHASE_DATE);
		values.requireWith(Term.TERMINATION_DATE, Term.PRICE_AT_TERMINATION_DATE);
		values.requireWith(Term.CYCLE_OF_RATE_RESET, Term.MARKET_OBJECT_CODE_OF_RATE_RESET);
		values.requireWith(Term.CYCLE_ANCHOR_DATE_OF_RATE_RESET, Term.MARKET_OBJECT_CODE_OF_RATE_RESET);
		String scaling = values.allowed(Term.SCALING_EFFECT);
		if (scaling != null && !scaling.equals("000")) {
			values.requireWith(Term.SCALING_EFFECT, Term.MARKET_OBJECT_CODE_OF_SCALING_INDEX);
			values.requireWith(Term.SCALING_EFFECT, Term.SCALING_INDEX_AT_CONTRACT_DEAL_DATE);
		}
		if ("NTL".equals(values.allowed(Term.INTEREST_CALCULATION_BASE))) {
			values.requireWith(Term.INTEREST_CALCULATION_BASE, Term.INTEREST_CALCULATION_BASE_AMOUNT);
		}
		values.checkFormats();
		if (type == null) {
			throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONTRACT_TYPE,
					"contractType must be PAM, LAM, NAM or ANN");
		}
		values.checkConventions();
		values.checkSupported(type);
		ContractTerms contract = new ContractTerms(values);
		contract.checkConsistency();
		return contract;
	}

	private static ContractType contractType(String text) {
		for (ContractType type : ContractType.values()) {
			if (type.name().equals(text.strip())) {
				return type;
			}
		}
		return null;
	}

	private void checkConsistency() {
		if (this.maturityDate != Moments.NONE && this.maturityDate <= this.initialExchangeDate) {
			throw inconsistent("maturityDate must be after initialExchangeDate");
		}
		if (!(this.notionalPrincipal > 0)) {
			throw inconsistent("notionalPrincipal must be positive");
		}
		if (!(this.notionalPrincipal < 1e15)) {
			throw inconsistent("notionalPrincipal must be below 10^15");
		}
		if (!isCurrencyCode(this.currency)) {
			throw inconsistent("currency must be a three-letter ISO 4217 code, e.g. USD");
		}
		if (this.scalingIndexAtContractDealDate == 0 && (this.interestScaled || this.notionalScaled)) {
			throw inconsistent("scalingIndexAtContractDealDate must not be zero");
		}
		if (this.type.amortizes() && this.principalRedemptionAnchor == Moments.NONE) {
			throw inconsistent(this.type + " needs cycleOfPrincipalRedemption or its anchor");
		}
		if (this.type.amortizes() && this.maturityDate == Moments.NONE && this.amortizationDate == Moments.NONE) {
			if (this.principalRedemptionCycle == null || Double.isNaN(this.nextPrincipalRedemptionPayment)) {
				throw inconsistent("without maturityDate, " + this.type
						+ " needs cycleOfPrincipalRedemption and nextPrincipalRedemptionPayment");
			}
		}
	}

	/** Three capital letters: the form of an ISO 4217 code. */
	public static boolean isCurrencyCode(String text) {
		return text.length() == 3 && text.chars().allMatch((c) -> c >= 'A' && c <= 'Z');
	}

	private static ContractRejectedException inconsistent(String message) {
		return new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS, message);
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

	/** The raw values of one contract's terms, checked term by term. */
	private static final class Values {

		// an ISO-8601 period of days, weeks, months or years, in ASCII digits
		private static final Pattern PERIOD = Pattern.compile("P([0-9]{1,6}[YMWD])+");


		private final Map<Term, String> byTerm = new EnumMap<>(Term.class);

		private final Map<String, String> unknown = new java.util.TreeMap<>();

		Values(Map<String, String> terms) {
			terms.forEach((name, value) -> {
				if (value == null || value.isBlank()) {
					return;
				}
				Term term = Term.named(name);
				if (term != null) {
					this.byTerm.put(term, value.strip());
				}
				else {
					this.unknown.put(name, value);
				}
			});
		}

		boolean present(Term term) {
			return this.byTerm.containsKey(term);
		}

		void require(Term... terms) {
			for (Term term : terms) {
				if (!present(term)) {
					throw new ContractRejectedException(CashFlowRejectReason.MISSING_TERM,
							term.dictionaryName() + " is required");
				}
			}
		}

		void requireWith(Term given, Term required) {
			if (present(given) && !present(required)) {
				throw new ContractRejectedException(CashFlowRejectReason.MISSING_TERM,
						required.dictionaryName() + " is required with " + given.dictionaryName());
			}
		}

		void checkFormats() {
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				if (entry.getKey().kind() == Term.Kind.DATE) {
					parseDate(entry.getKey(), entry.getValue());
				}
			}
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				if (entry.getKey().kind() == Term.Kind.REAL) {
					parseReal(entry.getKey(), entry.getValue());
				}
			}
		}

		void checkConventions() {
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				Term term = entry.getKey();
				if (term.kind() == Term.Kind.ENUM && term.allowedValue(entry.getValue()) == null) {
					throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
							term.dictionaryName() + " is not a known convention");
				}
				if (term.kind() == Term.Kind.CYCLE) {
					try {
						Cycle.parse(entry.getValue());
					}
					catch (IllegalArgumentException ex) {
						throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
								term.dictionaryName() + " is not a cycle: " + ex.getMessage());
					}
				}
				// not calculated in v1 (the conformance cases give fixingDays P0D and P2D), but
				// checked: a value that is not a period is not taken as one
				if (term.kind() == Term.Kind.PERIOD && !PERIOD.matcher(entry.getValue()).matches()) {
					throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
							term.dictionaryName() + " is not a period, e.g. P2D");
				}
			}
		}

		// A term of another contract type, or one whose effect v1 does not calculate (fees,
		// optionality and penalties, payment or reset at the cycle's other end, settlement in
		// another currency), cannot be projected faithfully.
		void checkSupported(ContractType type) {
			if (!this.unknown.isEmpty()) {
				throw new ContractRejectedException(CashFlowRejectReason.UNSUPPORTED_TERM,
						this.unknown.keySet().iterator().next() + " is not an ACTUS term of " + type);
			}
			for (Term term : this.byTerm.keySet()) {
				if (!term.appliesTo(type)) {
					throw unsupported(term, "does not apply to " + type);
				}
			}
			unsupportedUnless(Term.FEE_RATE, "0");
			unsupportedUnless(Term.FEE_ACCRUED, "0");
			unsupportedUnless(Term.PENALTY_TYPE, "O");
			unsupportedUnless(Term.PENALTY_RATE, "0");
			unsupportedUnless(Term.PREPAYMENT_EFFECT, "N");
			unsupportedUnless(Term.CYCLE_POINT_OF_INTEREST_PAYMENT, "E");
			unsupportedUnless(Term.CYCLE_POINT_OF_RATE_RESET, "B");
			for (Term term : new Term[] { Term.CYCLE_OF_OPTIONALITY, Term.CYCLE_ANCHOR_DATE_OF_OPTIONALITY,
					Term.OPTION_EXERCISE_END_DATE }) {
				if (present(term)) {
					throw unsupported(term, "is not calculated in v1 (optionality)");
				}
			}
			String settlement = this.byTerm.get(Term.SETTLEMENT_CURRENCY);
			if (settlement != null && !settlement.equals(this.byTerm.get(Term.CURRENCY))) {
				throw unsupported(Term.SETTLEMENT_CURRENCY, "must be the currency: v1 has no FX");
			}
		}

		private void unsupportedUnless(Term term, String benign) {
			String value = this.byTerm.get(term);
			if (value == null) {
				return;
			}
			boolean isBenign = (term.kind() == Term.Kind.REAL) ? parseReal(term, value) == Double.parseDouble(benign)
					: benign.equals(term.allowedValue(value));
			if (!isBenign) {
				throw unsupported(term, "is not calculated in v1");
			}
		}

		private static ContractRejectedException unsupported(Term term, String why) {
			return new ContractRejectedException(CashFlowRejectReason.UNSUPPORTED_TERM,
					term.dictionaryName() + " " + why);
		}

		String text(Term term) {
			return this.byTerm.get(term);
		}

		String allowed(Term term) {
			String value = this.byTerm.get(term);
			return (value != null) ? term.allowedValue(value) : null;
		}

		long date(Term term) {
			String value = this.byTerm.get(term);
			return (value != null) ? parseDate(term, value) : Moments.NONE;
		}

		double real(Term term, double otherwise) {
			String value = this.byTerm.get(term);
			return (value != null) ? parseReal(term, value) : otherwise;
		}

		Cycle cycle(Term term) {
			String value = this.byTerm.get(term);
			return (value != null) ? Cycle.parse(value) : null;
		}

		private static long parseDate(Term term, String value) {
			try {
				return (value.length() > 10) ? Moments.of(LocalDateTime.parse(value))
						: Moments.of(LocalDate.parse(value));
			}
			catch (DateTimeParseException ex) {
				throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_DATE,
						term.dictionaryName() + " must be yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
			}
		}

		private static double parseReal(Term term, String value) {
			double number;
			try {
				number = Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				number = Double.NaN;
			}
			if (Double.isNaN(number) || Double.isInfinite(number) || !value.matches("[+-]?[0-9.eE+-]+")) {
				throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_NUMBER,
						term.dictionaryName() + " must be a number");
			}
			return number;
		}

	}

}
