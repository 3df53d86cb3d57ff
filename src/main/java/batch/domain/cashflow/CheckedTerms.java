package batch.domain.cashflow;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one contract's terms once checked, each in its type: dates as {@link Moments},
 * numbers as doubles, conventions as their allowed value, cycles as {@link Cycle}s, the rest as
 * text. What {@link ContractTerms} is built from, on import and when read back from the stage.
 */
final class CheckedTerms {

	private final Map<Term, Object> values;

	CheckedTerms(Map<Term, Object> values) {
		this.values = values;
	}

	boolean has(Term term) {
		return this.values.containsKey(term);
	}

	String text(Term term) {
		return (String) this.values.get(term);
	}

	/** A convention's allowed value, or null when the term is absent. */
	String allowed(Term term) {
		return (String) this.values.get(term);
	}

	long date(Term term) {
		Object value = this.values.get(term);
		return (value != null) ? (Long) value : Moments.NONE;
	}

	double real(Term term, double otherwise) {
		Object value = this.values.get(term);
		return (value != null) ? (Double) value : otherwise;
	}

	Cycle cycle(Term term) {
		return (Cycle) this.values.get(term);
	}

	Map<String, Object> staged() {
		Map<String, Object> staged = new LinkedHashMap<>();
		this.values.forEach((term, value) -> staged.put(term.dictionaryName(),
				(value instanceof Cycle cycle) ? List.of(cycle.months(), cycle.days(), cycle.longStub() ? 1 : 0) : value));
		return staged;
	}

	// What staged() gave, as a JSON reader gives it back: whole numbers as Integer or Long.
	static CheckedTerms restore(Map<String, ?> staged) {
		Map<Term, Object> values = new EnumMap<>(Term.class);
		staged.forEach((name, value) -> {
			Term term = Term.named(name);
			if (term == null) {
				throw new IllegalArgumentException(name + " was staged but is not a term");
			}
			values.put(term, switch (term.kind()) {
				case DATE -> ((Number) value).longValue();
				case REAL -> ((Number) value).doubleValue();
				case CYCLE -> cycle((List<?>) value);
				default -> (String) value;
			});
		});
		return new CheckedTerms(values);
	}

	private static Cycle cycle(List<?> staged) {
		return new Cycle(((Number) staged.get(0)).intValue(), ((Number) staged.get(1)).intValue(),
				((Number) staged.get(2)).intValue() == 1);
	}

}
