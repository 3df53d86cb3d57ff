package batch.cli;

import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import batch.reader.Csv;
import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.TestDatabase;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of hostile contracts under {@code src/test/resources/hostile/contracts}, through
 * {@code ./batch cashflow} on MariaDB: each bad row is rejected with its reason code at the
 * physical line where it starts while every valid contract is projected and valued; each bad
 * file, contracts or market data, stops the run with exit code 2 and one line, before anything is
 * written; no cell of an export is a formula.
 */
class CashFlowHostileInputIntegrationTests {

	private static final String FILES_DATABASE = TestDatabase.newDatabaseUrl("hostile_contract_files");

	private static final String CORPUS = "hostile/contracts/";

	// Ids a database may mangle (charset, LOAD DATA escapes) or merge (collation): each lands as written.
	private static final List<String> EXACT_IDS = List.of("Jos\u00e9 N\u00fa\u00f1ez \u6a5f\u69cb", "Jose", "Jos\u00e9",
			"Strasse", "Stra\u00dfe", "\\N", "Tab\there\\back", "\uD83D\uDCB0-1", "Bell\u0007Ctl\u0001", "\u6a5f".repeat(64),
			"Robert'); DROP TABLE cash_flow;--", "V02");

	@TempDir
	Path directory;

	@Test
	void badRowsAreRejectedWithTheirReasonAndEveryValidContractIsValued() throws Exception {
		String database = TestDatabase.newDatabaseUrl("hostile_contract_rows");
		List<String> valid = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		for (String line : Files.readAllLines(resource(CORPUS + "rows.expected"))) {
			if (line.startsWith("valid=")) {
				valid.addAll(List.of(line.substring(6).split(",")));
			}
			else if (!line.startsWith("#")) {
				String[] parts = line.split(",", 3);
				rejected.add(parts[0] + "," + parts[1]);
			}
		}

		Run run = cashflow(database, resource(CORPUS + "rows.csv"), resource(CORPUS + "observations.csv"),
				resource(CORPUS + "curves.csv"), "--export-dir", this.directory.toString());

		assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).containsPattern("importContracts +read " + (valid.size() + rejected.size()) + ",");
		assertThat(query(database, "SELECT CONCAT(line_number, ',', reason_code) FROM rejected_record"))
			.containsExactlyInAnyOrderElementsOf(rejected);
		assertThat(query(database, "SELECT r.line_number FROM run_contract r"
				+ " JOIN contract_valuation v ON v.contract_id = r.contract_id"))
			.containsExactlyInAnyOrderElementsOf(valid);
		assertThat(query(database, "SELECT DISTINCT contract_id FROM cash_flow")).hasSize(valid.size());
		assertThat(query(database, "SELECT contract_id FROM contract_valuation")).containsAll(EXACT_IDS);

		List<String[]> valuations = csv(this.directory.resolve("valuations.csv"));
		List<String[]> cashFlows = csv(this.directory.resolve("cash-flows.csv"));
		List<String[]> rejects = csv(this.directory.resolve("rejects.csv"));
		assertThat(valuations).hasSize(valid.size() + 1);
		assertThat(cashFlows.stream().skip(1).map((row) -> row[0]).distinct()).hasSize(valid.size());
		assertThat(rejects).hasSize(rejected.size() + 1);
		for (List<String[]> export : List.of(valuations, cashFlows, rejects)) {
			assertThat(export).allSatisfy((row) -> assertThat(row).allSatisfy(
					(cell) -> assertThat(isFormula(cell)).as("a formula in an export: %s", cell).isFalse()));
		}
		assertThat(valuations).extracting((row) -> row[0])
			.contains("'=1+1", "'@SUM(A1)", "'+L", "'-L", "'=HYPERLINK(\"http://evil.example\",\"x\")");
		assertThat(rejects).extracting((row) -> row[1]).contains("'=L", "'=2+2", "'@A1", "'+A1", "'-A1");
	}

	@ParameterizedTest(name = "{0} as {1}: exit {2}, {3} contracts")
	@CsvFileSource(resources = "/" + CORPUS + "files/files.expected", commentCharacter = '#')
	void aBadFileStopsTheRunBeforeAnythingIsWritten(String file, String givenAs, int exitCode, int written)
			throws Exception {
		long instances = TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE");
		long contracts = TestDatabase.rowCount(FILES_DATABASE, "contract_valuation");
		Path bad = resource(CORPUS + "files/" + file);

		Run run = cashflow(FILES_DATABASE, givenAs.equals("contracts") ? bad : resource(CORPUS + "files/bom.csv"),
				givenAs.equals("observations") ? bad : resource(CORPUS + "observations.csv"),
				givenAs.equals("curves") ? bad : resource(CORPUS + "curves.csv"));

		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
		assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
		if (exitCode == ExitCodes.USAGE) {
			assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
			assertThat(run.err()).contains(file);
			assertThat(TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(instances);
		}
		else {
			assertThat(TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(instances + 1);
		}
		assertThat(TestDatabase.rowCount(FILES_DATABASE, "contract_valuation")).isEqualTo(contracts + written);
	}

	@Test
	void anInputThatIsNotThereOrIsADirectoryStopsTheRun() throws Exception {
		Path contracts = resource(CORPUS + "files/bom.csv");
		Path observations = resource(CORPUS + "observations.csv");
		Path curves = resource(CORPUS + "curves.csv");
		long instances = TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE");
		for (Path missing : List.of(this.directory.resolve("absent.csv"), this.directory)) {
			Map<String, Run> runs = Map.of("input", cashflow(FILES_DATABASE, missing, observations, curves),
					"observations", cashflow(FILES_DATABASE, contracts, missing, curves), "curves",
					cashflow(FILES_DATABASE, contracts, observations, missing));
			runs.forEach((parameter, run) -> {
				assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
				assertThat(run.err().strip()).isEqualTo(parameter + " " + missing + " does not exist or is not a file");
			});
		}
		assertThat(TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(instances);
	}

	@Test
	void aBadEventsFileOrHorizonStopsTheRunBeforeAnythingIsWritten() throws Exception {
		Path contracts = resource(CORPUS + "files/bom.csv");
		Path observations = resource(CORPUS + "observations.csv");
		Path curves = resource(CORPUS + "curves.csv");
		Path wrongHeader = Files.writeString(this.directory.resolve("events-header.csv"),
				"contract,when,what\nC1,2027-01-01,AD\n");
		long instances = TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE");

		Run header = cashflow(FILES_DATABASE, contracts, observations, curves, "--events", wrongHeader.toString());
		Run absent = cashflow(FILES_DATABASE, contracts, observations, curves, "--events",
				this.directory.resolve("no-events.csv").toString());
		Run horizon = cashflow(FILES_DATABASE, contracts, observations, curves, "--horizon", "2026-13-01");

		for (Run run : List.of(header, absent, horizon)) {
			assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
			assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
			assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
		}
		assertThat(header.err()).contains("events-header.csv", "wrong header", "contract_id,time,type,value");
		assertThat(absent.err().strip())
			.isEqualTo("events " + this.directory.resolve("no-events.csv") + " does not exist or is not a file");
		assertThat(horizon.err()).contains("2026-13-01", "yyyy-MM-dd");
		assertThat(TestDatabase.rowCount(FILES_DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(instances);
	}

	// A second value for the same observation or curve point, however it is written, is rejected:
	// the first stands, and the counts agree with the tables.
	@Test
	void aSecondValueForTheSameMarketDataIsRejected() throws Exception {
		String database = TestDatabase.newDatabaseUrl("hostile_market_data");
		Path observations = Files.writeString(this.directory.resolve("observations.csv"),
				"market_object_code,date,value\nUSD.SOFR,2025-01-01,0.04\nUSD.SOFR,2025-01-01T00:00:00,0.05\n"
						+ "USD.SOFR,2025-02-01,0.05\n");
		Path curves = Files.writeString(this.directory.resolve("curves.csv"),
				"currency,tenor,zero_rate\nUSD,1Y,0.04\nUSD,5Y,0.042\nUSD,1Y,0.05\n");

		Run run = cashflow(database, Path.of("sample-data/contracts.csv"), observations, curves);

		assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).containsPattern("importObservations +read 3, written 2, rejected 1")
			.containsPattern("importCurves +read 3, written 2, rejected 1");
		assertThat(query(database, "SELECT CONCAT(source, ',', line_number, ',', reason_code) FROM rejected_record"
				+ " WHERE source <> 'contracts'"))
			.containsExactlyInAnyOrder("observations,3,INCONSISTENT_TERMS", "curves,4,INCONSISTENT_TERMS");
		assertThat(query(database, "SELECT CONCAT(observed_at, '=', observed_value) FROM rate_observation"))
			.containsExactlyInAnyOrder("2025-01-01 00:00:00=0.04", "2025-02-01 00:00:00=0.05");
		assertThat(query(database, "SELECT CONCAT(tenor, '=', zero_rate) FROM yield_curve_point"))
			.containsExactlyInAnyOrder("1Y=0.04", "5Y=0.042");
	}

	// A spreadsheet takes a cell for a formula when it starts so; a number may start with a sign.
	private static boolean isFormula(String cell) {
		return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("[-+]?[0-9]+(\\.[0-9]+)?");
	}

	private static Run cashflow(String database, Path contracts, Path observations, Path curves, String... more) {
		List<String> args = new ArrayList<>(List.of("cashflow", contracts.toString(), "--observations",
				observations.toString(), "--curves", curves.toString()));
		args.addAll(List.of(more));
		return Cli.onDatabase(database, args.toArray(String[]::new));
	}

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(CashFlowHostileInputIntegrationTests.class.getClassLoader().getResource(name).toURI());
	}

	private static List<String> query(String database, String sql) throws Exception {
		return TestDatabase.queryForStrings(database, sql);
	}

	private static List<String[]> csv(Path file) throws Exception {
		try (Reader reader = Files.newBufferedReader(file); CSVReader csv = Csv.reader(reader)) {
			return csv.readAll();
		}
	}

}
