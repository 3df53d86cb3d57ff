package batch.domain.illustration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import batch.reader.CsvFile;
import batch.reader.CsvItemReader;
import batch.reader.CsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static batch.domain.illustration.TestBases.BASIS_2026_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engines against golden files: 416 policies (generated, the spec's examples, lapses, leap-day
 * birthdays, a multi-line quoted name, an unclosed quote), with the expected illustrations, summaries
 * and rejects computed by an independent implementation of the spec (Python, decimal arithmetic).
 */
class IllustrationGoldenTests {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	private static final List<String> illustrations = new ArrayList<>();

	private static final List<String> summaries = new ArrayList<>();

	private static final List<String> rejects = new ArrayList<>();

	@BeforeAll
	static void illustrateTheGoldenPolicies() {
		PolicyValidator validator = new PolicyValidator();
		Illustrator illustrator = new Illustrator(BASIS_2026_1);
		Map<Long, Long> firstLines = new HashMap<>();
		List<Illustration> results = new ArrayList<>();
		CsvItemReader reader = new CsvItemReader(new CsvFile(GOLDEN.resolve("policies.csv"), PolicyFields.HEADER));
		reader.open(new ExecutionContext());
		for (CsvRecord line = reader.read(); line != null; line = reader.read()) {
			if (!line.readable() || line.values().length != PolicyFields.HEADER.size()) {
				rejects.add(line.lineNumber() + "," + RejectReason.MALFORMED_ROW);
				continue;
			}
			long lineNumber = line.lineNumber();
			try {
				ValidatedPolicy valid = validator.validate(PolicyFields.of(line.values()), lineNumber,
						(id, at) -> firstLines.merge(id, at, Math::min) < at);
				results.add(illustrator.illustrate(valid.policy()));
			}
			catch (PolicyRejectedException ex) {
				rejects.add(lineNumber + "," + ex.reason());
			}
		}
		reader.close();
		results.sort(Comparator.comparingLong(Illustration::policyId));
		for (Illustration illustration : results) {
			for (IllustrationYear year : illustration.years()) {
				illustrations.add(illustrationLine(illustration, year));
			}
			summaries.add(summaryLine(illustration));
		}
	}

	@Test
	void illustrationsEqualTheIndependentImplementation() throws IOException {
		assertThat(illustrations).hasSizeGreaterThan(7000).containsExactlyElementsOf(golden("illustrations.csv"));
	}

	@Test
	void summariesEqualTheIndependentImplementation() throws IOException {
		assertThat(summaries).containsExactlyElementsOf(golden("summary.csv"));
		assertThat(summaries).anyMatch((line) -> line.contains(",LAPSED,"));
	}

	@Test
	void rejectLinesAndReasonsEqualTheIndependentImplementation() throws IOException {
		List<String> expected = golden("rejects.csv").stream().map((line) -> {
			String[] fields = line.split(",", 4);
			return fields[0] + "," + fields[2];
		}).toList();

		assertThat(rejects).hasSizeGreaterThan(40).containsExactlyElementsOf(expected);
	}

	private static List<String> golden(String file) throws IOException {
		List<String> lines = Files.readAllLines(GOLDEN.resolve(file));
		return lines.subList(1, lines.size());
	}

	private static String illustrationLine(Illustration illustration, IllustrationYear year) {
		List<String> fields = new ArrayList<>(List.of(Long.toString(illustration.policyId()),
				illustration.policy().product().name(), Integer.toString(year.year()), Integer.toString(year.age()),
				money(year.premium()), money(year.totalPremiumsPaid()), money(year.guaranteedDeathBenefit()),
				money(year.guaranteedSurrenderValue())));
		for (ScenarioValues values : year.scenarios()) {
			fields.addAll(List.of(money(values.deathBenefit()), money(values.surrenderValue()),
					money(values.maturityBenefit()), money(values.accruedBonus()), money(values.fundValue())));
		}
		return String.join(",", fields);
	}

	private static String summaryLine(Illustration illustration) {
		List<ScenarioOutcome> outcomes = illustration.outcomes();
		return String.join(",", Long.toString(illustration.policyId()), illustration.policy().product().name(),
				money(illustration.annualPremium()), money(outcomes.get(0).maturityBenefit()),
				money(outcomes.get(1).maturityBenefit()), rate(outcomes.get(0).irr()), rate(outcomes.get(1).irr()),
				illustration.status().name(), illustration.basisVersion());
	}

	private static String money(BigDecimal value) {
		return (value != null) ? value.setScale(2).toPlainString() : "";
	}

	private static String rate(BigDecimal value) {
		return (value != null) ? value.setScale(4).toPlainString() : "";
	}

}
