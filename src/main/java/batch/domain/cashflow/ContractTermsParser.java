package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Checks the terms of one contract, given as text by data-dictionary name, and reads them into
 * {@link ContractTerms}: the required terms of its type, the formats of dates and numbers, the
 * known conventions and cycles, the terms v1 calculates, and the consistency of the whole. The
 * first problem, in that order, rejects the contract with its reason code.
 */
public final class ContractTermsParser {

	// an ISO-8601 period of days, weeks, months or years, in ASCII digits; the published cases
	// write some as cycles, with a stub that means nothing for a period (settlementPeriod P1DL0)
	private static final Pattern PERIOD = Pattern.compile("P([0-9]{1,6}[YMWD])+(L[01])?");

	// what Double.parseDouble takes beyond this (hexadecimal, "Infinity", a trailing "d") is no
	// number in a contracts file
	private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9.eE+-]+");

	/** The types the engine projects: every type without child contracts. */
	private static final Set<ContractType> PROJECTED = EnumSet.allOf(ContractType.class);

	/** The positions: stock, commodity and cash, without maturity or interest. */
	private static final Set<ContractType> POSITIONS = EnumSet.of(ContractType.STK, ContractType.COM,
			ContractType.CSH);

	/** The terms each type requires, beyond its type, id, role, status date and currency. */
	private static final Map<ContractType, Term[]> REQUIRED = new EnumMap<>(ContractType.class);

	/** The roles each type takes; the lending types' are the holder's asset or liability. */
	private static final Map<ContractType, Set<String>> ROLES = new EnumMap<>(ContractType.class);

	static {
		Term[] lending = { Term.INITIAL_EXCHANGE_DATE, Term.NOTIONAL_PRINCIPAL, Term.NOMINAL_INTEREST_RATE,
				Term.DAY_COUNT_CONVENTION };
		REQUIRED.put(ContractType.PAM, with(lending, Term.MATURITY_DATE));
		REQUIRED.put(ContractType.LAM, lending);
		REQUIRED.put(ContractType.NAM, with(lending, Term.NEXT_PRINCIPAL_REDEMPTION_PAYMENT));
		REQUIRED.put(ContractType.ANN, lending);
		REQUIRED.put(ContractType.LAX, with(lending, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION));
		for (ContractType type : EnumSet.of(ContractType.PAM, ContractType.LAM, ContractType.NAM, ContractType.ANN,
				ContractType.LAX)) {
			ROLES.put(type, Set.of("RPA", "RPL"));
		}
		// a position may be held from before the status date, without a purchase (stk09); of the
		// other terms the dictionary requires of STK and COM, the notional, the unit and the deal
		// date change no payoff, and the quantity defaults to one
		REQUIRED.put(ContractType.STK, new Term[0]);
		REQUIRED.put(ContractType.COM, new Term[0]);
		REQUIRED.put(ContractType.CSH, new Term[] { Term.NOTIONAL_PRINCIPAL });
		for (ContractType type : POSITIONS) {
			// held (RPA) or owed, a short position (RPL)
			ROLES.put(type, Set.of("RPA", "RPL"));
		}
		REQUIRED.put(ContractType.FXOUT, new Term[] { Term.MATURITY_DATE, Term.NOTIONAL_PRINCIPAL, Term.CURRENCY2,
				Term.NOTIONAL_PRINCIPAL2 });
		ROLES.put(ContractType.FXOUT, Set.of("RPA", "RPL"));
		// the dictionary's non-nullable terms; the first leg is the fixed one, so RFL is RF
		REQUIRED.put(ContractType.SWPPV, new Term[] { Term.INITIAL_EXCHANGE_DATE, Term.MATURITY_DATE,
				Term.NOTIONAL_PRINCIPAL, Term.NOMINAL_INTEREST_RATE, Term.NOMINAL_INTEREST_RATE2,
				Term.DAY_COUNT_CONVENTION, Term.RATE_SPREAD, Term.MARKET_OBJECT_CODE_OF_RATE_RESET });
		ROLES.put(ContractType.SWPPV, Set.of("RF", "PF", "RFL", "PFL"));
		// a call is settled at the end of its notice; a deposit without a rate earns none (ump01)
		REQUIRED.put(ContractType.CLM, with(lending, Term.X_DAY_NOTICE));
		REQUIRED.put(ContractType.UMP, new Term[] { Term.INITIAL_EXCHANGE_DATE, Term.NOTIONAL_PRINCIPAL,
				Term.DAY_COUNT_CONVENTION });
		ROLES.put(ContractType.CLM, Set.of("RPA", "RPL"));
		ROLES.put(ContractType.UMP, Set.of("RPA", "RPL"));
	}

	private ContractTermsParser() {
	}

	private static Term[] with(Term[] terms, Term... more) {
		Term[] all = Arrays.copyOf(terms, terms.length + more.length);
		System.arraycopy(more, 0, all, terms.length, more.length);
		return all;
	}

	/**
	 * Checks and reads the terms of one contract, by data-dictionary name.
	 * @throws ContractRejectedException with the first problem, in the spec's order
	 */
	public static ContractTerms parse(Map<String, ?> terms) {
		Values values = new Values(terms);
		values.require(Term.CONTRACT_TYPE, Term.CONTRACT_ID, Term.CONTRACT_ROLE, Term.STATUS_DATE, Term.CURRENCY);
		ContractType type = contractType(values.text(Term.CONTRACT_TYPE));
		if (type != null) {
			values.require(REQUIRED.get(type));
		}
		values.requireWith(Term.PURCHASE_DATE, Term.PRICE_AT_PURCHASE_DATE);
		values.requireWith(Term.TERMINATION_DATE, Term.PRICE_AT_TERMINATION_DATE);
		values.requireWith(Term.CYCLE_OF_RATE_RESET, Term.MARKET_OBJECT_CODE_OF_RATE_RESET);
		values.requireWith(Term.CYCLE_ANCHOR_DATE_OF_RATE_RESET, Term.MARKET_OBJECT_CODE_OF_RATE_RESET);
		// a stock has no initial exchange to count its dividend cycle from
		values.requireWith(Term.CYCLE_OF_DIVIDEND, Term.CYCLE_ANCHOR_DATE_OF_DIVIDEND);
		String scaling = values.allowed(Term.SCALING_EFFECT);
		if (scaling != null && !scaling.equals("000")) {
			values.requireWith(Term.SCALING_EFFECT, Term.MARKET_OBJECT_CODE_OF_SCALING_INDEX);
			values.requireWith(Term.SCALING_EFFECT, Term.SCALING_INDEX_AT_CONTRACT_DEAL_DATE);
		}
		if ("NTL".equals(values.allowed(Term.INTEREST_CALCULATION_BASE))) {
			values.requireWith(Term.INTEREST_CALCULATION_BASE, Term.INTEREST_CALCULATION_BASE_AMOUNT);
		}
		if (type == ContractType.LAX) {
			requireArrays(values);
		}
		values.checkFormats();
		if (type == null) {
			throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONTRACT_TYPE,
					"contractType must be one of " + PROJECTED.toString().replaceAll("[\\[\\]]", ""));
		}
		values.checkConventions();
		values.checkRole(type);
		values.checkSupported(type);
		ContractTerms contract = new ContractTerms(values.checked());
		// what each type's terms must satisfy together; CLM and UMP are loans without a fixed
		// maturity, and what holds of a loan's terms holds of theirs
		switch (type) {
			case PAM, LAM, NAM, ANN, CLM, UMP -> checkLoan(contract);
			case LAX -> {
				checkLoan(contract);
				checkLax(contract);
			}
			case STK, COM, CSH -> checkPosition(contract);
			case FXOUT -> checkFxout(contract);
			case SWPPV -> checkNotional(contract);
		}
		return contract;
	}

	// LAX's arrays come in groups, each led by its anchors: a segment's cycle, payment and
	// direction, or its rate and whether that rate is fixed, go with its anchor.
	private static void requireArrays(Values values) {
		values.requireWith(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION,
				Term.ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT);
		values.requireWith(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION, Term.ARRAY_INCREASE_DECREASE);
		values.requireWith(Term.ARRAY_CYCLE_OF_INTEREST_PAYMENT, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT);
		for (Term term : new Term[] { Term.ARRAY_CYCLE_OF_RATE_RESET, Term.ARRAY_RATE, Term.ARRAY_FIXED_VARIABLE }) {
			values.requireWith(term, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET);
		}
		values.requireWith(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET, Term.ARRAY_RATE);
		values.requireWith(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET, Term.ARRAY_FIXED_VARIABLE);
		// a variable rate is a spread over the observed one
		if (values.allowedValues(Term.ARRAY_FIXED_VARIABLE).stream().anyMatch((value) -> value.startsWith("V"))) {
			values.requireWith(Term.ARRAY_FIXED_VARIABLE, Term.MARKET_OBJECT_CODE_OF_RATE_RESET);
		}
	}

	private static void checkLax(ContractTerms contract) {
		long[] redemptions = contract.dates(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION);
		checkSegments(contract, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION,
				Term.ARRAY_CYCLE_OF_PRINCIPAL_REDEMPTION);
		checkLength(contract.reals(Term.ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT).length, redemptions.length,
				Term.ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION);
		checkLength(contract.allowedValues(Term.ARRAY_INCREASE_DECREASE).length, redemptions.length,
				Term.ARRAY_INCREASE_DECREASE, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION);
		for (double payment : contract.reals(Term.ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT)) {
			if (payment < 0) {
				throw inconsistent("arrayNextPrincipalRedemptionPayment must not be negative: arrayIncreaseDecrease "
						+ "gives the direction");
			}
		}
		checkSegments(contract, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT, Term.ARRAY_CYCLE_OF_INTEREST_PAYMENT);
		long[] resets = contract.dates(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET);
		checkSegments(contract, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET, Term.ARRAY_CYCLE_OF_RATE_RESET);
		checkLength(contract.reals(Term.ARRAY_RATE).length, resets.length, Term.ARRAY_RATE,
				Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET);
		checkLength(contract.allowedValues(Term.ARRAY_FIXED_VARIABLE).length, resets.length,
				Term.ARRAY_FIXED_VARIABLE, Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET);
		if (contract.maturityDate == Moments.NONE) {
			// throws when the redemptions never repay the notional
			Lax.derivedMaturity(contract);
		}
	}

	// Anchors in ascending order, each starting a segment; one cycle for every segment (ACTUS 7.3:
	// the first applies to all) or one per anchor.
	private static void checkSegments(ContractTerms contract, Term anchors, Term cycles) {
		long[] times = contract.dates(anchors);
		for (int i = 1; i < times.length; i++) {
			if (times[i] <= times[i - 1]) {
				throw inconsistent(anchors.dictionaryName() + " must be in ascending order");
			}
		}
		int count = contract.cycles(cycles).length;
		if (count > 1 && count != times.length) {
			throw inconsistent(cycles.dictionaryName() + " must have one cycle, or as many as "
					+ anchors.dictionaryName());
		}
	}

	private static void checkLength(int length, int anchors, Term term, Term anchorTerm) {
		if (length != anchors) {
			throw inconsistent(term.dictionaryName() + " must have as many values as " + anchorTerm.dictionaryName());
		}
	}

	// the type of a known name that the engine projects, or null
	private static ContractType contractType(String text) {
		for (ContractType type : PROJECTED) {
			if (type.name().equals(text.strip())) {
				return type;
			}
		}
		return null;
	}

	private static void checkLoan(ContractTerms contract) {
		checkNotional(contract);
		if (contract.scalingIndexAtContractDealDate == 0 && (contract.interestScaled || contract.notionalScaled)) {
			throw inconsistent("scalingIndexAtContractDealDate must not be zero");
		}
		if (contract.type.amortizes() && contract.principalRedemptionAnchor == Moments.NONE) {
			throw inconsistent(contract.type + " needs cycleOfPrincipalRedemption or its anchor");
		}
		if (contract.type.amortizes() && contract.maturityDate == Moments.NONE
				&& contract.amortizationDate == Moments.NONE) {
			if (contract.principalRedemptionCycle == null || Double.isNaN(contract.nextPrincipalRedemptionPayment)) {
				throw inconsistent("without maturityDate, " + contract.type
						+ " needs cycleOfPrincipalRedemption and nextPrincipalRedemptionPayment");
			}
		}
	}

	private static void checkPosition(ContractTerms contract) {
		if (!ContractTerms.isCurrencyCode(contract.currency)) {
			throw inconsistent("currency must be a three-letter ISO 4217 code, e.g. USD");
		}
		if (contract.terminationDate != Moments.NONE && contract.purchaseDate != Moments.NONE
				&& contract.terminationDate <= contract.purchaseDate) {
			throw inconsistent("terminationDate must be after purchaseDate");
		}
		if (!(contract.real(Term.QUANTITY, 1) > 0)) {
			throw inconsistent("quantity must be positive");
		}
		if (contract.has(Term.NOTIONAL_PRINCIPAL) && !(Math.abs(contract.notionalPrincipal) < 1e15)) {
			throw inconsistent("notionalPrincipal must be below 10^15");
		}
	}

	private static void checkFxout(ContractTerms contract) {
		// the data dictionary lists them for FXOUT, but an outright has no option to exercise
		for (Term term : new Term[] { Term.EXERCISE_DATE, Term.EXERCISE_AMOUNT }) {
			if (contract.has(term)) {
				throw new ContractRejectedException(CashFlowRejectReason.UNSUPPORTED_TERM,
						term.dictionaryName() + " is not calculated for FXOUT");
			}
		}
		Fxout.settlementPeriod(contract);
		for (Term term : new Term[] { Term.NOTIONAL_PRINCIPAL, Term.NOTIONAL_PRINCIPAL2 }) {
			double notional = contract.real(term, Double.NaN);
			if (!(notional > 0 && notional < 1e15)) {
				throw inconsistent(term.dictionaryName() + " must be positive and below 10^15");
			}
		}
		for (Term term : new Term[] { Term.CURRENCY, Term.CURRENCY2 }) {
			if (!ContractTerms.isCurrencyCode(contract.text(term))) {
				throw inconsistent(term.dictionaryName() + " must be a three-letter ISO 4217 code, e.g. USD");
			}
		}
		if (contract.currency.equals(contract.text(Term.CURRENCY2))) {
			throw inconsistent("currency2 must differ from currency: an outright exchanges two currencies");
		}
	}

	// What every contract on a notional from an initial exchange to a maturity must satisfy.
	private static void checkNotional(ContractTerms contract) {
		if (contract.maturityDate != Moments.NONE && contract.maturityDate <= contract.initialExchangeDate) {
			throw inconsistent("maturityDate must be after initialExchangeDate");
		}
		if (!(contract.notionalPrincipal > 0)) {
			throw inconsistent("notionalPrincipal must be positive");
		}
		if (!(contract.notionalPrincipal < 1e15)) {
			throw inconsistent("notionalPrincipal must be below 10^15");
		}
		if (!ContractTerms.isCurrencyCode(contract.currency)) {
			throw inconsistent("currency must be a three-letter ISO 4217 code, e.g. USD");
		}
	}

	private static ContractRejectedException inconsistent(String message) {
		return new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS, message);
	}

	/**
	 * The raw values of one contract's terms, checked term by term, and each read into its type
	 * as it is checked.
	 */
	private static final class Values {

		private final Map<Term, String> byTerm = new EnumMap<>(Term.class);

		private final Map<String, String> unknown = new TreeMap<>();

		private final Map<Term, Object> typed = new EnumMap<>(Term.class);

		// the values of array terms, each a list of one where a single value was given
		private final Map<Term, List<String>> lists = new EnumMap<>(Term.class);

		Values(Map<String, ?> terms) {
			terms.forEach((name, given) -> {
				if (given == null) {
					return;
				}
				Term term = Term.named(name);
				if (given instanceof List<?> list) {
					if (term == null || !term.kind().isArray()) {
						throw new ContractRejectedException(CashFlowRejectReason.UNSUPPORTED_TERM,
								name + " takes one value, not a list");
					}
					if (!list.isEmpty()) {
						this.lists.put(term, list.stream().map((each) -> String.valueOf(each).strip()).toList());
					}
					return;
				}
				String value = given.toString();
				if (value.isBlank()) {
					return;
				}
				if (term != null && term.kind().isArray()) {
					this.lists.put(term, List.of(value.strip()));
				}
				else if (term != null) {
					String other = this.byTerm.put(term, value.strip());
					// given under both its name and actus-core's
					if (other != null && !other.equals(value.strip())) {
						throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
								term.dictionaryName() + " is given twice, with different values");
					}
				}
				else {
					this.unknown.put(name, value);
				}
			});
		}

		boolean present(Term term) {
			return this.byTerm.containsKey(term) || this.lists.containsKey(term);
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
					this.typed.put(entry.getKey(), parseDate(entry.getKey().dictionaryName(), entry.getValue()));
				}
			}
			this.lists.forEach((term, list) -> {
				if (term.kind() == Term.Kind.DATE_ARRAY) {
					this.typed.put(term, IntStream.range(0, list.size())
						.mapToLong((i) -> parseDate(element(term, i), list.get(i)))
						.toArray());
				}
			});
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				if (entry.getKey().kind() == Term.Kind.REAL) {
					this.typed.put(entry.getKey(), parseReal(entry.getKey().dictionaryName(), entry.getValue()));
				}
			}
			this.lists.forEach((term, list) -> {
				if (term.kind() == Term.Kind.REAL_ARRAY) {
					this.typed.put(term, IntStream.range(0, list.size())
						.mapToDouble((i) -> parseReal(element(term, i), list.get(i)))
						.toArray());
				}
			});
		}

		// an array term's value by its position, for messages
		private static String element(Term term, int index) {
			return term.dictionaryName() + "[" + index + "]";
		}

		void checkConventions() {
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				Term term = entry.getKey();
				if (term.kind() == Term.Kind.ENUM) {
					this.typed.put(term, allowedValue(term, term.dictionaryName(), entry.getValue()));
				}
				if (term.kind() == Term.Kind.CYCLE) {
					this.typed.put(term, parseCycle(term.dictionaryName(), entry.getValue()));
				}
				// not calculated in v1 (the conformance cases give fixingDays P0D and P2D), but
				// checked: a value that is not a period is not taken as one
				if (term.kind() == Term.Kind.PERIOD && !PERIOD.matcher(entry.getValue()).matches()) {
					throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
							term.dictionaryName() + " is not a period, e.g. P2D");
				}
			}
			this.lists.forEach((term, list) -> {
				if (term.kind() == Term.Kind.ENUM_ARRAY) {
					this.typed.put(term, IntStream.range(0, list.size())
						.mapToObj((i) -> allowedValue(term, element(term, i), list.get(i)))
						.toArray(String[]::new));
				}
				if (term.kind() == Term.Kind.CYCLE_ARRAY) {
					this.typed.put(term, IntStream.range(0, list.size())
						.mapToObj((i) -> parseCycle(element(term, i), list.get(i)))
						.toArray(Cycle[]::new));
				}
			});
		}

		private static String allowedValue(Term term, String name, String value) {
			String allowed = term.allowedValue(value);
			if (allowed == null) {
				throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
						name + " is not a known convention");
			}
			return allowed;
		}

		private static Cycle parseCycle(String name, String value) {
			try {
				return Cycle.parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
						name + " is not a cycle: " + ex.getMessage());
			}
		}

		void checkRole(ContractType type) {
			String role = (String) this.typed.get(Term.CONTRACT_ROLE);
			if (!ROLES.get(type).contains(role)) {
				throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION, "contractRole must be "
						+ String.join(" or ", new TreeSet<>(ROLES.get(type))) + " for " + type);
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
			for (Term term : this.lists.keySet()) {
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
			Object value = this.typed.get(term);
			if (value == null) {
				return;
			}
			boolean isBenign = (value instanceof Double number) ? number == Double.parseDouble(benign)
					: benign.equals(value);
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

		// before the conventions are checked: null for a value that is not one
		String allowed(Term term) {
			String value = this.byTerm.get(term);
			return (value != null) ? term.allowedValue(value) : null;
		}

		// the same for an array term's values, leaving out those that are none
		List<String> allowedValues(Term term) {
			return this.lists.getOrDefault(term, List.of())
				.stream()
				.map(term::allowedValue)
				.filter(Objects::nonNull)
				.toList();
		}

		// Every value checked and typed: the rest (text and periods) as given.
		CheckedTerms checked() {
			this.byTerm.forEach(this.typed::putIfAbsent);
			return new CheckedTerms(this.typed);
		}

		private static long parseDate(String name, String value) {
			try {
				return (value.length() > 10) ? Moments.of(LocalDateTime.parse(value))
						: Moments.of(LocalDate.parse(value));
			}
			catch (DateTimeParseException ex) {
				throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_DATE,
						name + " must be yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
			}
		}

		private static double parseReal(String name, String value) {
			double number;
			try {
				number = Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				number = Double.NaN;
			}
			if (Double.isNaN(number) || Double.isInfinite(number) || !NUMBER.matcher(value).matches()) {
				throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_NUMBER,
						name + " must be a number");
			}
			return number;
		}

	}

}
