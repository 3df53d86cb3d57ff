package batch.privacy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import batch.cli.ExitCodes;
import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.MeterCapture;
import batch.testsupport.TestDatabase;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data through the command line, end to end: no holder name, mobile number or date of
 * birth of the input in any table, log line, export, reject record or metric; an encryption key rotated
 * between two runs; a policyholder found by the keyed hash of a name or number with the key, and
 * not with another.
 */
class PersonalDataIntegrationTests {

	private static final String HASH_KEY = key(1);

	private static final String OTHER_HASH_KEY = key(2);

	private static final String KEY_1 = key(3);

	private static final String KEY_2 = key(4);

	private static final String DATABASE = TestDatabase.newDatabaseUrl("privacy");

	@TempDir
	static Path directory;

	static List<String[]> rows;

	static Run first;

	static Run second;

	static List<String> meters;

	@BeforeAll
	static void illustrateTwoHalvesUnderTwoKeys() throws Exception {
		Path generated = directory.resolve("policies.csv");
		assertThat(Cli.run("generate", "policies", "--count", "600", "--output", generated.toString(), "--seed", "11",
				"--invalid-fraction", "0.1").exitCode()).isZero();
		List<String> lines = Files.readAllLines(generated);
		int half = lines.size() / 2;
		Path firstHalf = Files.write(directory.resolve("first.csv"), lines.subList(0, half));
		List<String> secondLines = new ArrayList<>(List.of(lines.get(0)));
		secondLines.addAll(lines.subList(half, lines.size()));
		Path secondHalf = Files.write(directory.resolve("second.csv"), secondLines);
		rows = read(generated);

		MeterCapture.take();
		first = Cli.withLogs(() -> onDatabase(HASH_KEY, "k1", Map.of("k1", KEY_1), "illustrate", firstHalf.toString(),
				"--export-dir", directory.resolve("out1").toString(), MeterCapture.ARGUMENT));
		// the rotation: k2 encrypts new rows, k1 stays configured for the old ones
		second = Cli.withLogs(() -> onDatabase(HASH_KEY, "k2", Map.of("k1", KEY_1, "k2", KEY_2), "illustrate",
				secondHalf.toString(), "--export-dir", directory.resolve("out2").toString(), MeterCapture.ARGUMENT));
		meters = MeterCapture.take();
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(second.exitCode()).as(second.err()).isZero();
	}

	@Test
	void noPersonalDataIsInAnyTableLogOrExport() throws Exception {
		List<String> personal = personalValues();
		assertThat(personal).hasSizeGreaterThan(1000);
		List<String> found = new ArrayList<>();
		try (Connection connection = TestDatabase.connect(DATABASE); Statement statement = connection.createStatement()) {
			List<String[]> columns = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
					+ " WHERE table_schema = DATABASE()")) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			assertThat(columns).extracting((column) -> column[0]).contains("policy", "rejected_record", "illustration");
			for (String[] column : columns) {
				try (ResultSet rs = statement.executeQuery("SELECT DISTINCT `" + column[1] + "` FROM `" + column[0] + "`")) {
					while (rs.next()) {
						String value = rs.getString(1);
						if (value != null) {
							containsAny(column[0] + "." + column[1], value, personal, found);
						}
					}
				}
			}
		}
		for (String out : List.of("out1", "out2")) {
			for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
				containsAny(out + "/" + file, Files.readString(directory.resolve(out).resolve(file)), personal, found);
			}
		}
		containsAny("logs and output of the first run", first.out() + first.err(), personal, found);
		containsAny("logs and output of the second run", second.out() + second.err(), personal, found);
		assertThat(found).isEmpty();
		assertThat(first.err()).as("the logs were captured").contains("importPolicies");
	}

	@Test
	void noPersonalDataIsInAnyMeter() {
		List<String> personal = personalValues();
		List<String> found = new ArrayList<>();
		List<String> planted = new ArrayList<>();

		for (String registry : meters) {
			containsAny("a meter of a run", registry, personal, found);
		}
		containsAny("a planted value", meters.get(0) + " " + personal.get(0).toUpperCase(Locale.ROOT), personal,
				planted);

		assertThat(found).isEmpty();
		// the search would have found one, and it searched what the runs measured, tags and all
		assertThat(planted).isNotEmpty();
		assertThat(meters).as("the registries of both runs").hasSizeGreaterThanOrEqualTo(2);
		for (String registry : meters) {
			assertThat(registry).contains("batch_policies_illustrated_total ")
				.contains("batch_rows_upserted_total{table=\"illustration\"}")
				.containsPattern("batch_rejects_total\\{reason=\"[A-Z_]+\",source=\"policies\"\\}")
				.containsPattern("spring_batch_job_seconds_count\\{.*spring_batch_job_name=\"illustrationJob\"")
				.contains("spring_batch_step_seconds_count{");
		}
	}

	@Test
	void rowsOfEachRunAreEncryptedUnderItsKeyAndAllDecryptAfterTheRotation() throws Exception {
		PersonalDataProtector rotated = new PersonalDataProtector(Base64.getDecoder().decode(HASH_KEY), "k2",
				Map.of("k1", Base64.getDecoder().decode(KEY_1), "k2", Base64.getDecoder().decode(KEY_2)));
		Map<String, Set<String>> datesOfBirth = valuesById(4);
		Map<String, Integer> keys = new HashMap<>();
		try (Connection connection = TestDatabase.connect(DATABASE); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT policy_id, dob_encrypted, pii_key_id, job_execution_id"
						+ " FROM policy")) {
			while (rs.next()) {
				long id = rs.getLong(1);
				String keyId = rs.getString(3);
				keys.merge(keyId + " by execution " + rs.getLong(4), 1, Integer::sum);
				assertThat(rotated.decryptDate(rs.getString(2), keyId, id).toString())
					.isIn(datesOfBirth.get(Long.toString(id)));
			}
		}
		assertThat(keys).containsOnlyKeys("k1 by execution 1", "k2 by execution 2");
	}

	@Test
	void aPolicyholderIsFoundByNameOrMobileWithTheKeyAndNotWithAnother() throws Exception {
		Set<String> written = writtenPolicyIds();
		Map<String, Set<String>> names = valuesById(2);
		Map<String, Set<String>> mobiles = valuesById(3);
		String[] holder = rows.stream()
			.filter((row) -> written.contains(row[0]) && names.get(row[0]).size() == 1 && row[2].strip().length() > 3)
			.findFirst()
			.orElseThrow();
		String spacedUpperCase = "  " + holder[2].strip().toUpperCase(Locale.ROOT).replace(" ", "   ") + " ";

		Run byName = lookup(HASH_KEY, "--name=" + spacedUpperCase);
		Run byMobile = lookup(HASH_KEY, "--mobile=" + holder[3].substring(0, 5) + " - " + holder[3].substring(5));
		Run withAnotherKey = lookup(OTHER_HASH_KEY, "--name=" + holder[2]);
		Run blank = lookup(HASH_KEY, "--name= ");

		assertThat(byName.exitCode()).as(byName.err()).isZero();
		assertFound(policyIds(byName), written, names, (name) -> name.strip().equalsIgnoreCase(holder[2].strip()));
		assertThat(policyIds(byName)).contains(holder[0]);
		assertFound(policyIds(byMobile), written, mobiles, holder[3]::equals);
		assertThat(policyIds(byMobile)).contains(holder[0]);
		assertThat(byName.out()).doesNotContainIgnoringCase(holder[2].strip());
		assertThat(withAnotherKey.exitCode()).isZero();
		assertThat(withAnotherKey.out()).startsWith("no policy matches");
		assertThat(policyIds(withAnotherKey)).isEmpty();
		assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(blank.err()).contains("--name is blank");
	}

	// every written policy whose rows all match is found, and no policy none of whose rows match
	private static void assertFound(Set<String> found, Set<String> written, Map<String, Set<String>> values,
			java.util.function.Predicate<String> matches) {
		for (String id : written) {
			if (values.get(id).stream().allMatch(matches)) {
				assertThat(found).contains(id);
			}
			if (values.get(id).stream().noneMatch(matches)) {
				assertThat(found).doesNotContain(id);
			}
		}
	}

	// a policy id may be on more than one row (the generator repeats some, to be rejected)
	private static Map<String, Set<String>> valuesById(int column) {
		Map<String, Set<String>> values = new HashMap<>();
		for (String[] row : rows) {
			if (row.length > column) {
				values.computeIfAbsent(row[0], (id) -> new TreeSet<>()).add(row[column]);
			}
		}
		return values;
	}

	private static Run lookup(String hashKey, String option) {
		return onDatabase(hashKey, "k2", Map.of("k1", KEY_1, "k2", KEY_2), "lookup", option);
	}

	private static Set<String> policyIds(Run run) {
		return run.out()
			.lines()
			.filter((line) -> line.matches("^\\d+ .*"))
			.map((line) -> line.split(" ")[0])
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> writtenPolicyIds() throws Exception {
		Set<String> ids = new TreeSet<>();
		try (Connection connection = TestDatabase.connect(DATABASE); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT policy_id FROM policy")) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
		}
		return ids;
	}

	// names (and each word of five letters or more), mobile numbers and dates of birth of every row
	private static List<String> personalValues() {
		Set<String> values = new TreeSet<>();
		for (String[] row : rows) {
			if (row.length < 5) {
				continue;
			}
			String name = row[2].strip();
			if (name.length() >= 5) {
				values.add(name.toLowerCase(Locale.ROOT));
			}
			String mobile = row[3].replaceAll("[^0-9]", "");
			if (mobile.length() >= 8) {
				values.add(mobile);
			}
			if (row[4].matches("\\d{4}-\\d{2}-\\d{2}")) {
				values.add(row[4]);
			}
		}
		return new ArrayList<>(values);
	}

	private static void containsAny(String where, String text, List<String> personal, List<String> found) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String value : personal) {
			if (lower.contains(value)) {
				found.add(where + " holds " + value);
			}
		}
	}

	private static List<String[]> read(Path file) throws Exception {
		try (Reader reader = Files.newBufferedReader(file); CSVReader csv = new CSVReader(reader)) {
			List<String[]> all = csv.readAll();
			return all.subList(1, all.size());
		}
	}

	private static Run onDatabase(String hashKey, String keyId, Map<String, String> keys, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--batch.privacy.hash-key=" + hashKey);
		all.add("--batch.privacy.encryption-key-id=" + keyId);
		new LinkedHashMap<>(keys).forEach((id, key) -> all.add("--batch.privacy.encryption-keys." + id + "=" + key));
		return Cli.onDatabase(DATABASE, all.toArray(String[]::new));
	}

	private static String key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return Base64.getEncoder().encodeToString(key);
	}

}
