package batch.domain.cashflow;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one contract's terms once checked, each in its type: dates as {@link Moments},
 * numbers as doubles, conventions as their allowed value, cycles as {@link Cycle}s, the rest as
 * text; an array term's values as an array of that type ({@code long[]}, {@code double[]},
 * {@code Cycle[]}, {@code String[]}). What {@link ContractTerms} is built from, on import and when
 * read back from the stage.
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

	// An array term's values: copies, so that no reader changes the terms another one reads.

	long[] dates(Term term) {
		long[] value = (long[]) this.values.get(term);
		return (value != null) ? value.clone() : new long[0];
	}

	double[] reals(Term term) {
		double[] value = (double[]) this.values.get(term);
		return (value != null) ? value.clone() : new double[0];
	}

	Cycle[] cycles(Term term) {
		Cycle[] value = (Cycle[]) this.values.get(term);
		return (value != null) ? value.clone() : new Cycle[0];
	}

	String[] allowedValues(Term term) {
		String[] value = (String[]) this.values.get(term);
		return (value != null) ? value.clone() : new String[0];
	}

	Map<String, Object> staged() {
		Map<String, Object> staged = new LinkedHashMap<>();
		this.values.forEach((term, value) -> staged.put(term.dictionaryName(), plain(value)));
		return staged;
	}

	// A value as JSON holds it: a cycle as [months, days, longStub], an array as a list.
	private static Object plain(Object value) {
		if (value instanceof Cycle cycle) {
			return List.of(cycle.months(), cycle.days(), cycle.longStub() ? 1 : 0);
		}
		if (value instanceof long[] dates) {
			return Arrays.stream(dates).boxed().toList();
		}
		if (value instanceof double[] reals) {
			return Arrays.stream(reals).boxed().toList();
		}
		if (value instanceof Object[] array) {
			return Arrays.stream(array).map(CheckedTerms::plain).toList();
		}
		return value;
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
				case DATE_ARRAY -> ((List<?>) value).stream().mapToLong((date) -> ((Number) date).longValue()).toArray();
				case REAL_ARRAY -> ((List<?>) value).stream().mapToDouble((real) -> ((Number) real).doubleValue()).toArray();
				case CYCLE_ARRAY -> ((List<?>) value).stream().map((cycle) -> cycle((List<?>) cycle)).toArray(Cycle[]::new);
				case ENUM_ARRAY -> ((List<?>) value).stream().map(String.class::cast).toArray(String[]::new);
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
