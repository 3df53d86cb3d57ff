package batch.writer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDataFileTests {

	@TempDir
	Path directory;

	@Test
	void fieldsAreSeparatedByTabsWithNullsAndEscapes() throws Exception {
		Path file = this.directory.resolve("rows.tsv");
		try (LoadDataFile rows = new LoadDataFile(file)) {
			rows.add(42L);
			rows.add(-7L);
			rows.add(Long.MIN_VALUE);
			rows.add("a\tb\nc\\d\re\0f ünï");
			rows.add((String) null);
			rows.endRow();
			rows.add((BigDecimal) null);
			rows.add((LocalDate) null);
			rows.add(LocalDate.of(2026, 2, 28));
			rows.add(new BigDecimal("-0.05"));
			rows.add(new BigDecimal("1E+3"));
			rows.endRow();
		}
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
				"42\t-7\t-9223372036854775808\ta\\tb\\nc\\\\d\\re\\0f ünï\t\\N\n\\N\t\\N\t2026-02-28\t-0.05\t1000\n");
	}

	@Test
	void decimalsReadAsTheirPlainStrings() throws Exception {
		SplittableRandom random = new SplittableRandom(7);
		List<BigDecimal> values = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			BigInteger unscaled = BigInteger.valueOf(random.nextLong()).shiftRight(random.nextInt(0, 63));
			if (i % 10 == 0) {
				unscaled = unscaled.multiply(unscaled).add(BigInteger.ONE);
			}
			values.add(new BigDecimal(unscaled, random.nextInt(-3, 22)));
		}
		values.add(BigDecimal.ZERO.setScale(10));
		values.add(new BigDecimal("0.0000000001"));
		values.add(new BigDecimal("-999999999999999999"));
		Path file = this.directory.resolve("decimals.tsv");
		try (LoadDataFile rows = new LoadDataFile(file)) {
			for (BigDecimal value : values) {
				rows.add(value);
				rows.endRow();
			}
		}
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(values.size());
		for (int i = 0; i < values.size(); i++) {
			assertThat(lines.get(i)).isEqualTo(values.get(i).toPlainString());
		}
	}

	@Test
	void textBeyondTheBufferIsWrittenWholeInUtf8() throws Exception {
		StringBuilder expected = new StringBuilder();
		Path file = this.directory.resolve("text.tsv");
		try (LoadDataFile rows = new LoadDataFile(file)) {
			for (int i = 0; i < 20_000; i++) {
				String text = "row " + i + (i % 3 == 0 ? " naïve\t€ 𝄞" : " plain");
				rows.add(text);
				rows.add(i);
				rows.endRow();
				expected.append(text.replace("\t", "\\t")).append('\t').append(i).append('\n');
			}
		}
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
	}

}
