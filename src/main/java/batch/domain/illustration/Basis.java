package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The product basis: the assumptions of a version (bonus rates, surrender discount, charges,
 * mortality), loaded from a basis file and recorded on every result it produced.
 */
public final class Basis {

	/** Terms up to this many years have their discount factors computed once. */
	private static final int MAX_TERM = 40;

	private final String version;

	private final List<Scenario> scenarios;

	private final BigDecimal surrenderDiscountRate;

	private final int deathMultipleAgeThreshold;

	private final BigDecimal deathMultipleBelowThreshold;

	private final BigDecimal deathMultipleFromThreshold;

	private final UlipCharges ulipCharges;

	private final MortalityTable mortality;

	private final BigDecimal[] discountFactors;

	public Basis(String version, List<Scenario> scenarios, BigDecimal surrenderDiscountRate,
			int deathMultipleAgeThreshold, BigDecimal deathMultipleBelowThreshold,
			BigDecimal deathMultipleFromThreshold, UlipCharges ulipCharges, MortalityTable mortality) {
		this.version = Objects.requireNonNull(version, "version");
		this.scenarios = List.copyOf(scenarios);
		if (this.scenarios.size() != 2 || this.scenarios.get(0).rate() != 4 || this.scenarios.get(1).rate() != 8) {
			throw new IllegalArgumentException("basis " + version + " must define the scenarios 4 and 8, in that order");
		}
		this.surrenderDiscountRate = Objects.requireNonNull(surrenderDiscountRate, "surrenderDiscountRate");
		this.deathMultipleAgeThreshold = deathMultipleAgeThreshold;
		this.deathMultipleBelowThreshold = Objects.requireNonNull(deathMultipleBelowThreshold);
		this.deathMultipleFromThreshold = Objects.requireNonNull(deathMultipleFromThreshold);
		this.ulipCharges = Objects.requireNonNull(ulipCharges, "ulipCharges");
		this.mortality = Objects.requireNonNull(mortality, "mortality");
		this.discountFactors = discountFactors(surrenderDiscountRate);
	}

	/**
	 * Reads a basis file's properties; the mortality table is loaded separately, from the file
	 * that {@code mortality.table} names.
	 */
	public static Basis fromProperties(Properties properties, MortalityTable mortality) {
		PropertyReader reader = new PropertyReader(properties);
		List<Scenario> scenarios = new ArrayList<>();
		for (BigDecimal rate : reader.decimals("scenarios")) {
			String prefix = "scenario." + rate.toPlainString() + ".";
			scenarios.add(new Scenario(rate.intValueExact(), reader.decimal(prefix + "reversionary-bonus-rate"),
					reader.decimal(prefix + "terminal-bonus-rate"), reader.decimal(prefix + "ulip-monthly-growth")));
		}
		DiscontinuanceCharge discontinuance = new DiscontinuanceCharge(
				reader.decimal("ulip.discontinuance.threshold"),
				new DiscontinuanceCharge.Scale(reader.decimals("ulip.discontinuance.up-to-threshold.fractions"),
						reader.decimals("ulip.discontinuance.up-to-threshold.caps")),
				new DiscontinuanceCharge.Scale(reader.decimals("ulip.discontinuance.above-threshold.fractions"),
						reader.decimals("ulip.discontinuance.above-threshold.caps")));
		UlipCharges charges = new UlipCharges(reader.decimals("ulip.premium-allocation"),
				reader.decimal("ulip.monthly-administration"), reader.decimal("ulip.monthly-fund-management"),
				reader.decimal("ulip.gst"), discontinuance);
		return new Basis(reader.text("version"), scenarios, reader.decimal("surrender.discount-rate"),
				reader.decimal("death-multiple.age-threshold").intValueExact(),
				reader.decimal("death-multiple.below-threshold"), reader.decimal("death-multiple.from-threshold"),
				charges, mortality);
	}

	// DF_n = r10(1 / (1 + j)^n): the power is exact, the quotient taken to 34 digits.
	private static BigDecimal[] discountFactors(BigDecimal rate) {
		BigDecimal[] factors = new BigDecimal[MAX_TERM + 1];
		BigDecimal base = BigDecimal.ONE.add(rate);
		for (int n = 0; n <= MAX_TERM; n++) {
			factors[n] = Rounding.R10.ofQuotient(BigDecimal.ONE, base.pow(n));
		}
		return factors;
	}

	public String version() {
		return this.version;
	}

	public List<Scenario> scenarios() {
		return this.scenarios;
	}

	public MortalityTable mortality() {
		return this.mortality;
	}

	UlipCharges ulipCharges() {
		return this.ulipCharges;
	}

	/** DF_n, the special surrender value discount for n years. */
	BigDecimal discountFactor(int years) {
		return this.discountFactors[years];
	}

	/** 10 x AP below the threshold age, 7 x AP from it (on the entry age). */
	BigDecimal deathMultiple(int entryAge) {
		return (entryAge < this.deathMultipleAgeThreshold) ? this.deathMultipleBelowThreshold
				: this.deathMultipleFromThreshold;
	}

	private record PropertyReader(Properties properties) {

		String text(String key) {
			String value = this.properties.getProperty(key);
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("basis file has no value for " + key);
			}
			return value.trim();
		}

		BigDecimal decimal(String key) {
			try {
				return new BigDecimal(text(key));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("basis file value of " + key + " is not a decimal number");
			}
		}

		List<BigDecimal> decimals(String key) {
			List<BigDecimal> values = new ArrayList<>();
			for (String part : text(key).split(",")) {
				try {
					values.add(new BigDecimal(part.trim()));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("basis file value of " + key + " is not a list of decimals");
				}
			}
			return values;
		}

	}

}
