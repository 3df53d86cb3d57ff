package batch.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import batch.BatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code ./batch actus}: the conformance runner from the command line, without a database.
 */
class ActusCommandTests {

	@TempDir
	Path directory;

	@Test
	void writesTheEventsOfEveryCase() throws Exception {
		Path cases = this.directory.resolve("cases.json");
		try (InputStream in = getClass().getResourceAsStream("/actus/actus-tests-lam.json")) {
			Files.copy(in, cases);
		}
		Path results = this.directory.resolve("out/results.json");

		Run run = run("actus", cases.toString(), "--output", results.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("21 cases, 21 projected, 0 rejected");
		JsonNode written = new ObjectMapper().readTree(results.toFile());
		assertThat(written.size()).isEqualTo(21);
		JsonNode first = written.path("lam01").path(0);
		assertThat(first.path("eventType").asString()).isNotEmpty();
		assertThat(first.has("payoff") && first.has("notionalPrincipal") && first.has("accruedInterest")
				&& first.has("nominalInterestRate") && first.has("currency") && first.has("eventDate"))
			.isTrue();
	}

	@Test
	void observedMonitoringEventsBecomeAdEvents() throws Exception {
		Path cases = Files.writeString(this.directory.resolve("ad.json"), """
				{"ad01": {"identifier": "ad01", "terms": {"contractType": "PAM", "contractID": "ad01",
				  "contractRole": "RPA", "statusDate": "2020-01-01T00:00:00",
				  "initialExchangeDate": "2020-01-02T00:00:00", "maturityDate": "2021-01-02T00:00:00",
				  "notionalPrincipal": "1000", "nominalInterestRate": "0.1", "dayCountConvention": "A365",
				  "currency": "USD"},
				 "to": "", "dataObserved": {},
				 "eventsObserved": [{"time": "2020-07-01T00:00:00", "type": "AD", "value": 0}]}}
				""");
		Path results = this.directory.resolve("results.json");

		Run run = run("actus", cases.toString(), "--output", results.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode events = new ObjectMapper().readTree(results.toFile()).path("ad01");
		// IED, AD, and at maturity the interest (no cycle: the maturity pays it) and the notional
		assertThat(events.size()).isEqualTo(4);
		assertThat(events.path(1).path("eventType").asString()).isEqualTo("AD");
		assertThat(events.path(2).path("eventType").asString()).isEqualTo("IP");
		assertThat(events.path(2).path("payoff").asDouble()).isCloseTo(1000 * 0.1 * 366 / 365.0, within(1e-9));
		assertThat(events.path(1).path("eventDate").asString()).isEqualTo("2020-07-01T00:00");
		// 181 days of 10% on 1,000
		assertThat(events.path(1).path("accruedInterest").asDouble()).isCloseTo(1000 * 0.1 * 181 / 365.0,
				within(1e-9));
	}

	@Test
	void aRejectedCaseIsReportedAndTheRunFails() throws Exception {
		Path cases = Files.writeString(this.directory.resolve("bad.json"),
				"{\"x1\": {\"identifier\": \"x1\", \"terms\": {\"contractType\": \"SWAPS\"}}}");
		Path results = this.directory.resolve("results.json");

		Run run = run("actus", cases.toString(), "--output", results.toString());

		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(new ObjectMapper().readTree(results.toFile()).path("x1").path("reasonCode").asString())
			.isEqualTo("MISSING_TERM");
	}

	@Test
	void notJsonOrNoFileIsBadUsage() throws Exception {
		Path notJson = Files.writeString(this.directory.resolve("cases.json"), "{ not json");

		assertThat(run("actus", notJson.toString(), "--output", "x.json").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run("actus", "missing.json", "--output", "x.json").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run("actus", notJson.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = new BatchCli(BatchApplication.class, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
		return new Run(code, out.toString(), err.toString());
	}

	private record Run(int exitCode, String out, String err) {

	}

}
