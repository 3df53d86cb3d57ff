package batch.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.SplittableRandom;

import batch.domain.illustration.PolicyFields;
import batch.domain.illustration.PremiumFrequency;
import batch.domain.illustration.Product;
import batch.domain.illustration.RejectReason;
import com.carrotsearch.hppc.LongArrayList;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * Synthetic policies files of any size, the same for the same seed: a realistic mix of valid
 * ENDOWMENT_PAR, TERM and ULIP policies, and on demand invalid rows, each breaking exactly one
 * rule so that its reason code is known. Names and mobile numbers are made up.
 */
public final class PolicyGenerator {

	private static final String[] FIRST_NAMES = { "Aarav", "Vivaan", "Aditya", "Diya", "Ananya", "Ishaan", "Kavya",
			"Rohan", "Meera", "Arjun", "Saanvi", "Karthik", "Priya", "Rahul", "Neha", "Vikram", "Lakshmi", "Farhan",
			"Zoya", "Gurpreet" };

	private static final String[] LAST_NAMES = { "Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Singh", "Khan",
			"Das", "Menon", "Joshi", "Banerjee", "Kulkarni", "Chopra", "Pillai", "Mehta", "Rao", "Fernandes" };

	/** The rules an invalid row may break; MALFORMED_ROW drops a column. */
	private static final RejectReason[] BREAKABLE = RejectReason.values();

	private final SplittableRandom random;

	private final double invalidFraction;

	// the ids of the valid rows so far, for a duplicate to copy: as longs, 8 bytes each, so that
	// ten million rows generate in a small heap (as strings they needed over 512 MB)
	private final LongArrayList validIds = new LongArrayList();

	private long nextId = 100_000_000L;

	public PolicyGenerator(long seed, double invalidFraction) {
		this.random = new SplittableRandom(seed);
		this.invalidFraction = invalidFraction;
	}

	/** Writes the header and {@code count} rows. */
	public void write(Writer out, long count) throws IOException {
		write(out, count, (line, reason) -> {
		});
	}

	/**
	 * Writes the header and {@code count} rows, telling {@code invalidRows} the line and the
	 * reason code of each row that breaks a rule.
	 */
	public void write(Writer out, long count, InvalidRowListener invalidRows) throws IOException {
		try (ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
			csv.writeNext(PolicyFields.HEADER.toArray(String[]::new), false);
			for (long i = 0; i < count; i++) {
				Row row = next();
				csv.writeNext(row.values(), false);
				if (row.breaks() != null) {
					invalidRows.invalid(i + 2, row.breaks());
				}
			}
			csv.flush();
			if (csv.checkError()) {
				throw new IOException("writing the policies failed");
			}
		}
	}

	/** The next row: valid, or with one rule broken. */
	public Row next() {
		if (this.random.nextDouble() < this.invalidFraction) {
			RejectReason reason = BREAKABLE[this.random.nextInt(BREAKABLE.length)];
			if (reason == RejectReason.DUPLICATE_POLICY_ID && this.validIds.isEmpty()) {
				reason = RejectReason.UNKNOWN_GENDER;
			}
			return new Row(invalid(reason), reason);
		}
		String[] row = valid().toRow();
		this.validIds.add(Long.parseLong(row[0]));
		return new Row(row, null);
	}

	private String[] invalid(RejectReason reason) {
		Draft draft = valid();
		switch (reason) {
			case MALFORMED_ROW -> {
				String[] row = draft.toRow();
				String[] shorter = new String[row.length - 1];
				System.arraycopy(row, 0, shorter, 0, shorter.length);
				return shorter;
			}
			case MISSING_FIELD -> {
				String[] row = draft.toRow();
				row[this.random.nextInt(row.length)] = "";
				return row;
			}
			case MALFORMED_NUMBER -> {
				String[] row = draft.toRow();
				String[][] choices = { { "7", "2,50,000" }, { "8", "1.5e4" }, { "10", "ten" }, { "7", "100.001" },
						{ "0", "P-" + row[0] } };
				String[] choice = choices[this.random.nextInt(choices.length)];
				row[Integer.parseInt(choice[0])] = choice[1];
				return row;
			}
			case MALFORMED_DATE -> {
				String[] row = draft.toRow();
				row[this.random.nextBoolean() ? 4 : 6] = this.random.nextBoolean() ? "2023-02-30" : "15/06/1990";
				return row;
			}
			case UNKNOWN_PRODUCT -> draft.productCode = "WHOLE_LIFE";
			case UNKNOWN_FREQUENCY -> draft.frequencyCode = "QUARTERLY";
			case UNKNOWN_GENDER -> draft.genderCode = "X";
			case DUPLICATE_POLICY_ID -> draft.policyId = Long.toString(this.validIds.get(this.random.nextInt(this.validIds.size())));
			case DOB_NOT_BEFORE_COMMENCEMENT -> draft.dob = draft.commencement.plusDays(this.random.nextInt(0, 400));
			case COMMENCEMENT_OUT_OF_RANGE -> {
				LocalDate early = LocalDate.of(1980 + this.random.nextInt(10), 1 + this.random.nextInt(12), 1);
				draft.dob = early.minusYears(draft.age).minusDays(10);
				draft.commencement = early;
			}
			case AGE_OUT_OF_RANGE -> draft.dob = draft.commencement.minusYears(this.random.nextBoolean() ? 70 : 16);
			case TERM_OUT_OF_RANGE -> draft.term = this.random.nextBoolean() ? 45 : 2;
			case PPT_OUT_OF_RANGE -> draft.ppt = draft.term + 1;
			case PREMIUM_OUT_OF_RANGE -> draft.modalPremium = this.random.nextBoolean() ? "0" : "100000000.50";
			case SUM_ASSURED_OUT_OF_RANGE -> draft.sumAssured = this.random.nextBoolean() ? "1000.00" : "2000000000";
			case MATURITY_AGE_EXCEEDED -> {
				int limit = (draft.product == Product.TERM) ? 80 : 75;
				draft.term = (draft.product == Product.TERM) ? 30 : 25;
				draft.ppt = Math.min(draft.ppt, draft.term - 1);
				draft.dob = draft.commencement.minusYears(limit - draft.term + 1 + this.random.nextInt(5)).minusDays(1);
			}
		}
		return draft.toRow();
	}

	private Draft valid() {
		Draft draft = new Draft();
		this.nextId += 1 + this.random.nextInt(3);
		draft.policyId = Long.toString(this.nextId);
		double pick = this.random.nextDouble();
		draft.product = (pick < 0.45) ? Product.ENDOWMENT_PAR : (pick < 0.75) ? Product.TERM : Product.ULIP;
		draft.productCode = draft.product.name();
		double frequencyPick = this.random.nextDouble();
		PremiumFrequency frequency = (frequencyPick < 0.5) ? PremiumFrequency.YEARLY
				: (frequencyPick < 0.7) ? PremiumFrequency.HALF_YEARLY : PremiumFrequency.MONTHLY;
		draft.frequencyCode = frequency.name();
		draft.genderCode = (this.random.nextDouble() < 0.55) ? "M" : "F";
		draft.holderName = FIRST_NAMES[this.random.nextInt(FIRST_NAMES.length)] + " "
				+ LAST_NAMES[this.random.nextInt(LAST_NAMES.length)];
		draft.mobile = (6 + this.random.nextInt(4)) + String.format("%09d", this.random.nextInt(1_000_000_000));
		switch (draft.product) {
			case ENDOWMENT_PAR -> {
				draft.term = between(10, 30);
				draft.age = between(18, Math.min(60, 75 - draft.term));
				draft.ppt = between(5, draft.term - 1);
			}
			case TERM -> {
				draft.term = between(5, 40);
				draft.age = between(18, Math.min(65, 80 - draft.term));
				double pptPick = this.random.nextDouble();
				draft.ppt = (pptPick < 0.6) ? draft.term : (pptPick < 0.7) ? 1 : between(1, draft.term);
			}
			case ULIP -> {
				draft.term = between(10, 30);
				draft.age = between(18, Math.min(60, 75 - draft.term));
				draft.ppt = between(5, draft.term);
			}
		}
		draft.commencement = LocalDate.of(2015, 1, 1).plusDays(this.random.nextInt(4380));
		draft.dob = draft.commencement.minusYears(draft.age).minusDays(this.random.nextInt(360));
		BigDecimal annual = annualPremium(draft.product);
		BigDecimal modal = annual.divide(BigDecimal.valueOf(frequency.paymentsPerYear()), 0, RoundingMode.CEILING);
		if (this.random.nextInt(10) == 0) {
			modal = modal.add(new BigDecimal("0.50"));
		}
		draft.modalPremium = modal.toPlainString();
		draft.sumAssured = sumAssured(draft.product, frequency.annualise(modal)).toPlainString();
		return draft;
	}

	private BigDecimal annualPremium(Product product) {
		return switch (product) {
			case ENDOWMENT_PAR -> roundTo(logUniform(12_000, 500_000), 1000);
			case TERM -> roundTo(logUniform(3_000, 100_000), 100);
			// a quarter of ULIPs at the smallest premiums, where the lower discontinuance scale applies
			case ULIP -> (this.random.nextInt(4) == 0) ? BigDecimal.valueOf(between(24_000, 25_000))
					: roundTo(logUniform(24_000, 600_000), 1000);
		};
	}

	private BigDecimal sumAssured(Product product, BigDecimal annualPremium) {
		BigDecimal sumAssured = switch (product) {
			case ENDOWMENT_PAR -> annualPremium.multiply(BigDecimal.valueOf(between(5, 20)));
			case TERM -> roundTo(logUniform(100_000, 50_000_000), 50_000);
			case ULIP -> annualPremium.multiply(BigDecimal.valueOf(between(10, 30)));
		};
		return sumAssured.setScale(0, RoundingMode.CEILING).min(new BigDecimal("1000000000"));
	}

	private double logUniform(double low, double high) {
		return Math.exp(Math.log(low) + this.random.nextDouble() * (Math.log(high) - Math.log(low)));
	}

	private static BigDecimal roundTo(double value, long step) {
		return BigDecimal.valueOf(Math.max(1, Math.round(value / step)) * step);
	}

	private int between(int low, int high) {
		return this.random.nextInt(low, high + 1);
	}

	/**
	 * A generated row.
	 * @param breaks the rule it breaks, or null when it is valid
	 */
	public record Row(String[] values, RejectReason breaks) {

	}

	/** Learns where the invalid rows are. */
	@FunctionalInterface
	public interface InvalidRowListener {

		void invalid(long lineNumber, RejectReason reason);

	}

	/** A row being built, valid until a rule is broken on purpose. */
	private static final class Draft {

		String policyId;

		Product product;

		String productCode;

		String holderName;

		String mobile;

		String genderCode;

		String frequencyCode;

		int age;

		int term;

		int ppt;

		LocalDate commencement;

		LocalDate dob;

		String sumAssured;

		String modalPremium;

		String[] toRow() {
			return new String[] { this.policyId, this.productCode, this.holderName, this.mobile, this.dob.toString(),
					this.genderCode, this.commencement.toString(), this.sumAssured, this.modalPremium,
					this.frequencyCode, Integer.toString(this.term), Integer.toString(this.ppt) };
		}

	}

}
