package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the terms of one contract, given as text by data-dictionary name, and reads them into
 * {@link ContractTerms}: the required terms of its type, the formats of dates and numbers, the
 * known conventions and cycles, the terms v1 calculates, and the consistency of the whole. The
 * first problem, in that order, rejects the contract with its reason code.
 */
public final class ContractTermsParser {

	// an ISO-8601 period of days, weeks, months or years, in ASCII digits
	private static final Pattern PERIOD = Pattern.compile("P([0-9]{1,6}[YMWD])+");

	// what Double.parseDouble takes beyond this (hexadecimal, "Infinity", a trailing "d") is no
	// number in a contracts file
	private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9.eE+-]+");

	/** The types the engine projects. */
	private static final Set<ContractType> PROJECTED = EnumSet.of(ContractType.PAM, ContractType.LAM, ContractType.NAM,
			ContractType.ANN, ContractType.CLM, ContractType.UMP);

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
		for (ContractType type : EnumSet.of(ContractType.PAM, ContractType.LAM, ContractType.NAM, ContractType.ANN)) {
			ROLES.put(type, Set.of("RPA", "RPL"));
		}
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
					"contractType must be one of " + PROJECTED.toString().replaceAll("[\\[\\]]", ""));
		}
		values.checkConventions();
		values.checkRole(type);
		values.checkSupported(type);
		ContractTerms contract = new ContractTerms(values.checked());
		if (type.lends()) {
			checkLoan(contract);
		}
		if (type == ContractType.CLM || type == ContractType.UMP) {
			// loans without a fixed maturity: what holds of a loan's terms holds of theirs
			checkLoan(contract);
		}
		return contract;
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
					this.typed.put(entry.getKey(), parseDate(entry.getKey(), entry.getValue()));
				}
			}
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				if (entry.getKey().kind() == Term.Kind.REAL) {
					this.typed.put(entry.getKey(), parseReal(entry.getKey(), entry.getValue()));
				}
			}
		}

		void checkConventions() {
			for (Map.Entry<Term, String> entry : this.byTerm.entrySet()) {
				Term term = entry.getKey();
				if (term.kind() == Term.Kind.ENUM) {
					String allowed = term.allowedValue(entry.getValue());
					if (allowed == null) {
						throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
								term.dictionaryName() + " is not a known convention");
					}
					this.typed.put(term, allowed);
				}
				if (term.kind() == Term.Kind.CYCLE) {
					try {
						this.typed.put(term, Cycle.parse(entry.getValue()));
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

		// Every value checked and typed: the rest (text and periods) as given.
		CheckedTerms checked() {
			this.byTerm.forEach(this.typed::putIfAbsent);
			return new CheckedTerms(this.typed);
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
			if (Double.isNaN(number) || Double.isInfinite(number) || !NUMBER.matcher(value).matches()) {
				throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_NUMBER,
						term.dictionaryName() + " must be a number");
			}
			return number;
		}

	}

}
