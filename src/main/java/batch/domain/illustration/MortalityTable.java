package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * Annual mortality rates q by gender and age last birthday (an ultimate table: no select period).
 */
public final class MortalityTable {

	private final String name;

	private final BigDecimal[] male;

	private final BigDecimal[] female;

	/**
	 * @param male rate for each age from 0, without gaps
	 * @param female rate for each age from 0, the same length as {@code male}
	 */
	public MortalityTable(String name, BigDecimal[] male, BigDecimal[] female) {
		if (male.length != female.length || male.length == 0) {
			throw new IllegalArgumentException("mortality table " + name + " needs the same ages for both genders");
		}
		this.name = Objects.requireNonNull(name, "name");
		this.male = Arrays.copyOf(male, male.length);
		this.female = Arrays.copyOf(female, female.length);
		for (int age = 0; age < male.length; age++) {
			if (male[age] == null || female[age] == null) {
				throw new IllegalArgumentException("mortality table " + name + " has no rate at age " + age);
			}
		}
	}

	public BigDecimal rate(Gender gender, int age) {
		if (age < 0 || age >= this.male.length) {
			throw new IllegalArgumentException("mortality table " + this.name + " has no rate at age " + age);
		}
		return (gender == Gender.M) ? this.male[age] : this.female[age];
	}

	public String name() {
		return this.name;
	}

	public int maxAge() {
		return this.male.length - 1;
	}

}
