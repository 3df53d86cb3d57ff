package batch.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.BatchApplication;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import batch.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators do when a run is interrupted, with the application as a separate process: SIGTERM
 * stops it STOPPED and restart finishes it; after kill -9, recover and restart finish it; stop
 * from another process; recover refused while the run's process may be alive; two launches of
 * the same run at once. Every finished run exports exactly what an uninterrupted run exports.
 */
class RunLifecycleIntegrationTests {

	private static final Pattern EXECUTION = Pattern.compile("^execution (\\d+)$", Pattern.MULTILINE);

	private static final String DATABASE = TestDatabase.newDatabaseUrl("lifecycle");

	private static final Path JAR = Path.of("target/batch.jar").toAbsolutePath();

	@TempDir
	static Path directory;

	static Path policies;

	static Path reference;

	private static final Map<Long, Path> outputs = new ConcurrentHashMap<>();

	private static final Map<Long, Path> errors = new ConcurrentHashMap<>();

	@BeforeAll
	static void uninterruptedRun() throws IOException {
		assertThat(JAR).as("the packaged application: run the tests with ./mvnw verify").exists();
		policies = GeneratedPolicies.write(directory.resolve("policies.csv"), 12000, 11, 0.02).file();
		reference = directory.resolve("reference");
		Run run = inProcess("illustrate", policies.toString(), "--export-dir", reference.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	@Test
	void sigtermStopsTheRunAndRestartFinishesIt() throws Exception {
		Path export = directory.resolve("after-sigterm");
		Process child = launch("illustrate", policies.toString(), "--export-dir", export.toString());
		long id = awaitCalculating(child);
		Run status = inProcess("status", Long.toString(id));
		// not on a terminal: a timestamped progress line a second
		Pattern progress = Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ execution " + id
				+ " (importPolicies|calculateIllustrations): \\d+ of \\d+ items \\(\\d+\\.\\d%\\), \\d+ items/s");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!progress.matcher(Files.readString(errors.get(child.pid()))).find()) {
			assertThat(System.nanoTime()).as("a progress line in time").isLessThan(deadline);
			Thread.sleep(100);
		}

		child.destroy(); // SIGTERM

		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = Files.readString(output(child));
		assertThat(child.exitValue()).as(out).isEqualTo(ExitCodes.STOPPED);
		assertThat(out).contains("illustrationJob STOPPED").contains("restart it with: ./batch restart " + id);
		assertThat(status(id)).isEqualTo("STOPPED");
		assertThat(status.out()).contains("execution " + id + " of illustrationJob: STARTED")
			.contains("now: calculateIllustrations: ")
			.contains("process " + child.pid() + " on ");
		assertThat(export.resolve("illustrations.csv")).doesNotExist();

		Run restarted = inProcess("restart", Long.toString(id));

		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertSameExport(export);
	}

	@Test
	void afterKillNineRecoverAndRestartFinishTheRun() throws Exception {
		Path export = directory.resolve("after-kill");
		Process child = launch("illustrate", policies.toString(), "--export-dir", export.toString());
		long id = awaitCalculating(child);

		child.destroyForcibly(); // SIGKILL: nothing of the run is told

		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(status(id)).isEqualTo("STARTED");
		assertThat(inProcess("restart", Long.toString(id)).exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);

		// its process is gone from this host: no --force needed
		Run recovered = inProcess("recover", Long.toString(id));

		assertThat(recovered.exitCode()).as(recovered.err()).isZero();
		assertThat(recovered.out()).contains("execution " + id + " is FAILED");
		Run restarted = inProcess("restart", Long.toString(id));
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
		assertSameExport(export);
	}

	@Test
	void killedAtRandomMomentsAgainAndAgainTheRunFinishesWithTheSameResults() throws Exception {
		long seed = System.nanoTime();
		java.util.Random random = new java.util.Random(seed);
		Path export = directory.resolve("after-random-kills");
		long before = latestExecution();
		List<String> moments = new ArrayList<>();
		for (int kill = 0; kill < 3; kill++) {
			long latest = latestExecution();
			Process child = (latest == before)
					? launch("illustrate", policies.toString(), "--export-dir", export.toString())
					: launch("restart", Long.toString(latest));
			// from the start-up into the calculation: the import, chunks, commits, partitions
			long delay = 2000 + random.nextInt(6000);
			Thread.sleep(delay);
			child.destroyForcibly(); // SIGKILL
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			latest = latestExecution();
			String state = (latest == before) ? "no run yet" : status(latest);
			moments.add(delay + " ms: " + state + ((latest == before) ? "" : " in " + runningStep(latest)));
			// left running by the kill, created (STARTING) or under way (STARTED): the operator recovers it
			if (state.equals("STARTING") || state.equals("STARTED") || state.equals("STOPPING")) {
				Run recovered = inProcess("recover", Long.toString(latest));
				assertThat(recovered.exitCode()).as(recovered.out() + recovered.err()).isZero();
			}
			else if (state.equals("COMPLETED")) {
				break;
			}
		}
		long latest = latestExecution();
		if (latest == before || !status(latest).equals("COMPLETED")) {
			Run finished = (latest == before)
					? inProcess("illustrate", policies.toString(), "--export-dir", export.toString())
					: inProcess("restart", Long.toString(latest));
			assertThat(finished.exitCode()).as("kills (seed %d): %s%n%s", seed, moments, finished.err()).isZero();
		}

		assertSameExport(export);
	}

	private static long latestExecution() throws SQLException {
		return count("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID > ?", 0);
	}

	private static String runningStep(long id) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement("SELECT MAX(STEP_NAME) FROM BATCH_STEP_EXECUTION"
						+ " WHERE JOB_EXECUTION_ID = ? AND STATUS = 'STARTED'")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return (rs.getString(1) != null) ? rs.getString(1) : "no step";
			}
		}
	}

	@Test
	void sigtermToTheServerStopsItsRunsBeforeItEnds() throws Exception {
		String token = "a-token-for-the-lifecycle-test";
		Process server = launch("serve", "--server.port=0", "--batch.api.token=" + token,
				"--batch.api.input-directory=" + directory);
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		Matcher serving = Pattern.compile("serving on port (\\d+)").matcher("");
		while (!serving.reset(Files.readString(output(server))).find()) {
			assertThat(server.isAlive()).as("the server still runs").isTrue();
			assertThat(System.nanoTime()).as("serving in time").isLessThan(deadline);
			Thread.sleep(100);
		}
		HttpResponse<String> started = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.group(1)
					+ "/api/jobs/illustrationJob/executions"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"input\": \"policies.csv\", \"run.id\": \"served\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long id = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		awaitWrites(server, id);

		server.destroy(); // SIGTERM

		assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(server.exitValue()).isZero();
		// the run ended before the server: stopped, with no step left running, and said so
		assertThat(status(id)).isEqualTo("STOPPED");
		assertThat(Files.readString(errors.get(server.pid()))).contains("stopping execution " + id)
			.contains("execution " + id + " ended STOPPED: restart it with ./batch restart " + id);
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
				+ " AND STATUS IN ('STARTING', 'STARTED', 'STOPPING')", id)).isZero();
		assertThat(inProcess("restart", Long.toString(id)).exitCode()).isZero();
	}

	@Test
	void stopFromAnotherProcessEndsTheRunStopped() throws Exception {
		Process child = launch("illustrate", policies.toString());
		long id = awaitCalculating(child);

		Run stop = inProcess("stop", Long.toString(id), "--wait");

		assertThat(stop.exitCode()).as(stop.err()).isZero();
		assertThat(stop.out()).contains("execution " + id + " is STOPPED");
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).isEqualTo(ExitCodes.STOPPED);
		assertThat(inProcess("stop", "999999").exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
	}

	@Test
	void recoverIsRefusedWhileTheRunBeatsOnAnotherHost() throws Exception {
		Run completed = inProcess("illustrate", sample().toString());
		long id = executionId(completed.out());
		// as a run in the middle of its calculation on another host looks to this one
		update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?", id);
		update("UPDATE run_heartbeat SET host = 'another-host', beat_at = CURRENT_TIMESTAMP(3)"
				+ " WHERE job_execution_id = ?", id);

		Run refused = inProcess("recover", Long.toString(id));
		Run forced = inProcess("recover", Long.toString(id), "--force");

		assertThat(refused.exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);
		assertThat(refused.err()).contains("may still be running").contains("on another-host").contains("--force");
		assertThat(forced.exitCode()).as(forced.err()).isZero();
		assertThat(status(id)).isEqualTo("FAILED");
		assertThat(inProcess("recover", Long.toString(id)).exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
	}

	@Test
	void twoLaunchesOfTheSameRunAtOnceStartItOnce() throws Exception {
		String input = "input=" + policies;
		CompletableFuture<Run> first = CompletableFuture
			.supplyAsync(() -> inProcess("launch", "illustrationJob", input, "run.id=twice"));
		CompletableFuture<Run> second = CompletableFuture
			.supplyAsync(() -> inProcess("launch", "illustrationJob", input, "run.id=twice"));

		List<Integer> codes = List.of(first.get(5, TimeUnit.MINUTES).exitCode(),
				second.get(5, TimeUnit.MINUTES).exitCode());

		assertThat(codes).as(first.get().err() + second.get().err())
			.containsExactlyInAnyOrder(ExitCodes.COMPLETED, ExitCodes.ALREADY_RUNNING);
		Run refused = (codes.get(0) == ExitCodes.ALREADY_RUNNING) ? first.get() : second.get();
		assertThat(refused.err()).contains("illustrationJob is already running with these parameters");
		assertThat(refused.out()).isEmpty();
	}

	// A small file, for runs whose content does not matter.
	private static Path sample() throws IOException {
		Path sample = directory.resolve("sample.csv");
		if (!Files.exists(sample)) {
			GeneratedPolicies.write(sample, 50, 3, 0);
		}
		return sample;
	}

	private static void assertSameExport(Path export) {
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(export.resolve(file)).hasSameTextualContentAs(reference.resolve(file));
		}
	}

	// The application as operators start it, in a process of its own on the test database, with
	// small chunks so that it is mid-calculation for a while.
	private static Process launch(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx512m", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		command.addAll(List.of("--spring.datasource.url=" + DATABASE,
				"--spring.datasource.username=" + TestDatabase.username(),
				"--spring.datasource.password=" + TestDatabase.password(), "--batch.chunk-size=50",
				"--batch.partition.grid-size=2", "--batch.operations.heartbeat-interval=1s",
				"--batch.operations.progress-interval=1s"));
		String name = "child-" + System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(directory.resolve(name + ".err").toFile())
			.redirectOutput(directory.resolve(name + ".out").toFile());
		TestKeys.addTo(builder.environment());
		Process child = builder.start();
		outputs.put(child.pid(), directory.resolve(name + ".out"));
		errors.put(child.pid(), directory.resolve(name + ".err"));
		return child;
	}

	// Standard output goes to a file: destroy() would close a pipe before it is read.
	private static Path output(Process child) {
		return outputs.get(child.pid());
	}

	// The run's id, from the first line the process prints, once its calculation has committed
	// chunks in both partitions.
	private static long awaitCalculating(Process child) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (Files.readString(output(child)).indexOf('\n') < 0) {
			assertThat(child.isAlive()).as("the child still runs").isTrue();
			assertThat(System.nanoTime()).as("the run started in time").isLessThan(deadline);
			Thread.sleep(100);
		}
		String first = Files.readString(output(child)).lines().findFirst().orElseThrow();
		assertThat(first).as("the child's first line").matches("execution \\d+");
		long id = Long.parseLong(first.substring("execution ".length()));
		awaitWrites(child, id);
		return id;
	}

	// Until both partitions of the calculation have committed chunks.
	private static void awaitWrites(Process child, long id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
				+ " AND STEP_NAME LIKE 'calculateIllustrationsWorker:%' AND WRITE_COUNT > 0", id) < 2) {
			assertThat(child.isAlive()).as("the child still runs").isTrue();
			assertThat(System.nanoTime()).as("the calculation started in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static String status(long id) throws SQLException {
		try (Connection connection = connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static long count(String sql, long id) throws SQLException {
		return TestDatabase.queryForLong(DATABASE, sql, id);
	}

	private static void update(String sql, long id) throws SQLException {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			statement.executeUpdate();
		}
	}

	private static Connection connect() throws SQLException {
		return TestDatabase.connect(DATABASE);
	}

	private static long executionId(String out) {
		Matcher matcher = EXECUTION.matcher(out);
		assertThat(matcher.find()).as(out).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static Run inProcess(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + TestDatabase.username(),
				"--spring.datasource.password=" + TestDatabase.password(), "--batch.partition.grid-size=2"));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = new BatchCli(BatchApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
			.run(all.toArray(String[]::new));
		return new Run(code, out.toString(), err.toString());
	}

	private record Run(int exitCode, String out, String err) {

	}

}
