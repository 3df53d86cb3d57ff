package batch.domain.cashflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import batch.conformance.ConformanceRunner;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every published ACTUS conformance case of the types the engine projects (a file per type in
 * {@code src/test/resources/actus}), and the 600 oracle cases of PAM, LAM, NAM and ANN that
 * actus-core computed over realistic terms ({@code src/test/resources/actus-oracle}), through the
 * conformance runner, against their expected events under the rule of the reference README: same
 * length and order, same dates, types and currency, numbers within 1e-9 relative.
 */
class ActusConformanceTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	// every published file of src/test/resources/actus, one per contract type the engine projects
	static Stream<Arguments> cases() throws IOException, URISyntaxException {
		List<Arguments> cases = new ArrayList<>();
		Path published = Path.of(ActusConformanceTests.class.getResource("/actus").toURI());
		List<String> files;
		try (Stream<Path> listed = Files.list(published)) {
			files = listed.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches("actus-tests-[a-z]+\\.json"))
				.sorted()
				.toList();
		}
		assertThat(files).as("published cases").hasSizeGreaterThanOrEqualTo(4);
		for (String file : files) {
			cases.addAll(casesOf("/actus/" + file));
		}
		for (String type : List.of("pam", "lam", "nam", "ann")) {
			cases.addAll(casesOf("/actus-oracle/oracle-" + type + ".json.gz"));
		}
		return cases.stream();
	}

	private static List<Arguments> casesOf(String resource) throws IOException {
		ConformanceRunner.Outcome outcome;
		try (InputStream in = open(resource)) {
			outcome = new ConformanceRunner().run(in);
		}
		JsonNode expected;
		try (InputStream in = open(resource)) {
			expected = JSON.readTree(in);
		}
		List<Arguments> cases = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : expected.properties()) {
			cases.add(Arguments.of(Named.of(entry.getKey(), entry.getValue().path("results")),
					outcome.results().path(entry.getKey())));
		}
		assertThat(cases).as(resource).isNotEmpty();
		return cases;
	}

	private static InputStream open(String resource) throws IOException {
		InputStream in = ActusConformanceTests.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IOException(resource + " is not on the test class path");
		}
		return resource.endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void caseMatchesItsExpectedEvents(JsonNode expected, JsonNode actual) {
		assertThat(actual.isArray()).as("rejected: %s", actual).isTrue();
		List<String> differences = new ArrayList<>();
		for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
			JsonNode want = expected.path(i);
			JsonNode got = actual.path(i);
			String row = i + ": expected " + describe(want) + "\n   got      " + describe(got);
			if (want.isMissingNode() || got.isMissingNode()
					|| !sameTime(want.path("eventDate").asString(), got.path("eventDate").asString())
					|| !want.path("eventType").asString().equals(got.path("eventType").asString())
					|| !want.path("currency").asString().equals(got.path("currency").asString())) {
				differences.add(row);
				continue;
			}
			for (String field : List.of("payoff", "notionalPrincipal", "nominalInterestRate", "accruedInterest")) {
				if (want.has(field)) {
					double w = want.path(field).asDouble();
					double g = got.path(field).asDouble();
					if (Math.abs(g - w) > 1e-9 * Math.max(1, Math.abs(w))) {
						differences.add(row + "\n   (" + field + ")");
						break;
					}
				}
			}
		}
		if (!differences.isEmpty()) {
			fail(differences.size() + " of " + expected.size() + " events differ:\n" + String.join("\n", differences));
		}
	}

	private static boolean sameTime(String expected, String actual) {
		return normalise(expected).equals(normalise(actual));
	}

	private static String normalise(String time) {
		return (time.length() == 16) ? time + ":00" : time;
	}

	private static String describe(JsonNode event) {
		if (event.isMissingNode()) {
			return "(none)";
		}
		return event.path("eventDate").asString() + " " + event.path("eventType").asString() + " payoff="
				+ event.path("payoff").asDouble() + " nt=" + event.path("notionalPrincipal").asDouble() + " r="
				+ event.path("nominalInterestRate").asDouble() + " ac=" + event.path("accruedInterest").asDouble();
	}

}
