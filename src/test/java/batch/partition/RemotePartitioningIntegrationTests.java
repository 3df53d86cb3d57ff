package batch.partition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.BatchApplication;
import batch.cli.BatchCli;
import batch.cli.ExitCodes;
import batch.testsupport.BatchProcess;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import batch.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning as operators meet it, with worker processes of the packaged application on a
 * real Redis and a real MySQL-protocol database: a worker killed mid-partition, a request taken by
 * a worker that died before starting it, stale requests, namespaces, the manager's timeout, Redis
 * out of reach at launch and lost mid-run. Every run that completes exports exactly what a local
 * run exports.
 */
class RemotePartitioningIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("remote");

	private static final String TOKEN = "a-token-for-the-worker-tests";

	private static final Pattern EXECUTION = Pattern.compile("(?m)^execution (\\d+)$");

	private static final Pattern PORT = Pattern.compile("metrics on port (\\d+)");

	@TempDir
	static Path directory;

	static Path policies;

	static Path reference;

	static long referenceExecution;

	private final List<BatchProcess> children = new ArrayList<>();

	@BeforeAll
	static void localRun() throws IOException {
		policies = GeneratedPolicies.write(directory.resolve("policies.csv"), 6000, 17, 0.02).file();
		reference = directory.resolve("reference");
		Run run = manager(TestRedis.shared(), "local", List.of());
		assertThat(run.exitCode()).as(run.err()).isZero();
		referenceExecution = run.executionId();
	}

	@AfterEach
	void stopChildren() throws InterruptedException {
		for (BatchProcess child : this.children) {
			child.kill();
		}
	}

	@Test
	void aRunOnTwoWorkersCompletesWhenOneIsKilledMidPartition() throws Exception {
		TestRedis redis = TestRedis.shared();
		BatchProcess doomed = worker(redis, "kill");
		BatchProcess survivor = worker(redis, "kill");
		Path export = directory.resolve("after-worker-kill");

		CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> manager(redis, "kill", export));
		String partition = doomed.await(Pattern.compile("Executing step: \\[(calculateIllustrationsWorker:partition\\d)]"),
				Duration.ofMinutes(2)).group(1);
		awaitCommits(partition, 2);
		doomed.kill(); // SIGKILL, mid-partition: its lease lapses

		Run done = run.get(3, TimeUnit.MINUTES);
		assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
		assertSameExport(export);
		assertThat(survivor.err()).containsPattern("partition " + Pattern.quote(partition) + " of execution "
				+ done.executionId() + ": taken over from .*:" + doomed.pid() + ":1; execution \\d+ resumes it");
		Run status = cli("status", Long.toString(done.executionId()));
		assertThat(status.out()).containsPattern("(?m)^    " + partition + " +FAILED .*process " + doomed.pid() + " on ")
			.containsPattern("(?m)^    " + partition + " +COMPLETED .*process " + survivor.pid() + " on ");
		// the successor resumed after the chunks the dead worker committed: between them they read
		// the partition's rows once
		Matcher abandoned = partitionRow(status.out(), partition, "FAILED");
		Matcher successor = partitionRow(status.out(), partition, "COMPLETED");
		assertThat(Long.parseLong(abandoned.group(1))).isGreaterThanOrEqualTo(100);
		assertThat(Long.parseLong(abandoned.group(1)) + Long.parseLong(successor.group(1))).as(status.out())
			.isEqualTo(Long.parseLong(successor.group(2)));
		String metrics = scrape(survivor);
		assertThat(metrics).containsPattern("(?m)^batch_worker_takeovers_total\\{job=\"illustrationJob\"\\} [1-9]")
			.containsPattern("(?m)^batch_worker_partitions_total\\{job=\"illustrationJob\",status=\"COMPLETED\"\\} [1-9]")
			.containsPattern("(?m)^batch_worker_partitions_running \\d")
			.containsPattern("(?m)^batch_worker_threads 1");
	}

	@Test
	void aManagerWhoseWorkersNeverCameSaysSoAndAWorkerThatComesFinishesTheRun() throws Exception {
		TestRedis redis = TestRedis.shared();
		Path export = directory.resolve("after-idle");
		ByteArrayOutputStream logs = new ByteArrayOutputStream();
		PrintStream original = System.err;
		System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
		BatchProcess worker;
		String metrics;
		Run done;
		try {
			CompletableFuture<Run> run = CompletableFuture
				.supplyAsync(() -> manager(redis, "idle", export, "--batch.remote.idle-warning=2s"));
			String warning = awaitWarning();
			assertThat(warning).matches("no worker has taken a partition for \\d+ seconds \\(0 listening\\)");
			worker = worker(redis, "idle");
			metrics = scrape(worker);
			done = run.get(3, TimeUnit.MINUTES);
		}
		finally {
			System.setErr(original);
		}

		assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
		assertThat(logs.toString(StandardCharsets.UTF_8)).containsPattern("calculateIllustrations of execution " + done.executionId()
				+ ": no worker has taken a partition for \\d+ seconds \\(0 listening\\); 4 waiting. Check that workers"
				+ " run in namespace 'idle'");
		assertSameExport(export);
		// said while the partitions waited; forgotten once they were taken
		assertThat(cli("status", Long.toString(done.executionId())).out()).doesNotContain("warning");
		// the worker said it listens from its start; the partitions it had not yet taken waited
		assertThat(metrics).containsPattern("(?m)^batch_remote_workers\\{remote_namespace=\"idle\"\\} 1\\.0$")
			.containsPattern("(?m)^batch_remote_partitions_waiting\\{job=\"illustrationJob\",remote_namespace=\"idle\"\\} [0-4]\\.0$")
			.containsPattern("(?m)^batch_remote_partitions_waiting\\{job=\"cashFlowJob\",remote_namespace=\"idle\"\\} 0\\.0$");
		assertThat(scrape(worker))
			.containsPattern("(?m)^batch_remote_partitions_waiting\\{job=\"illustrationJob\",remote_namespace=\"idle\"\\} 0\\.0$");
	}

	// The warning that status gives for the latest run, once it gives one.
	private static String awaitWarning() throws Exception {
		Pattern said = Pattern.compile("(?m)^  warning: (.*)$");
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			Run status = cli("status");
			Matcher found = said.matcher(status.out());
			if (status.exitCode() == 0 && found.find()) {
				return found.group(1);
			}
			assertThat(System.nanoTime()).as("status says that no worker came, in time").isLessThan(deadline);
			Thread.sleep(300);
		}
	}

	@Test
	void aPartitionTakenByAWorkerThatDiedBeforeStartingItIsNotLost() throws Exception {
		TestRedis redis = TestRedis.shared();
		Path export = directory.resolve("after-ghost");
		CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> manager(redis, "ghost", export));
		try (Redis client = new Redis(redis)) {
			String key = "batch:ghost:illustrationJob:partitions";
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (client.template().opsForStream().size(key) < 4) {
				assertThat(System.nanoTime()).as("the partitions are queued in time").isLessThan(deadline);
				Thread.sleep(100);
			}
			// a worker takes a request, and dies before it starts the partition
			assertThat(client.template()
				.opsForStream()
				.read(Consumer.from("workers", "ghost"), StreamReadOptions.empty().count(1),
						StreamOffset.create(key, ReadOffset.lastConsumed()))).hasSize(1);
		}
		BatchProcess worker = worker(redis, "ghost");

		Run done = run.get(3, TimeUnit.MINUTES);
		assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
		assertSameExport(export);
		assertThat(worker.err()).containsPattern(
				"of execution " + done.executionId() + ": taken over from ghost, which took it and did not start it");
	}

	@Test
	void aStoppedRemoteRunEndsStoppedAndRestartFinishesIt() throws Exception {
		TestRedis redis = TestRedis.shared();
		BatchProcess worker = worker(redis, "stop");
		Path export = directory.resolve("after-stop");
		CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> manager(redis, "stop", export));
		String partition = worker.await(Pattern.compile("Executing step: \\[(calculateIllustrationsWorker:partition\\d)]"),
				Duration.ofMinutes(2)).group(1);
		awaitCommits(partition, 1);
		long id = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID > ?", 0);

		Run stop = cli("stop", Long.toString(id));

		assertThat(stop.exitCode()).as(stop.err()).isZero();
		Run stopped = run.get(2, TimeUnit.MINUTES);
		assertThat(stopped.exitCode()).as(stopped.out() + stopped.err()).isEqualTo(ExitCodes.STOPPED);
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
				+ " AND STATUS IN ('STARTING', 'STARTED')", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
				+ " AND STEP_NAME LIKE 'calculateIllustrationsWorker:%' AND STATUS = 'STOPPED'", id))
			.as("the three queued partitions withdrawn, the running one stopped unless it had just finished")
			.isBetween(3L, 4L);

		Run restarted = cli(remote(redis, "stop", "restart", Long.toString(id)));

		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		assertSameExport(export);
	}

	@Test
	void staleRequestsAreDiscardedAndNamespacesKeepDeploymentsApart() throws Exception {
		TestRedis redis = TestRedis.shared();
		try (Redis client = new Redis(redis)) {
			client.template()
				.opsForStream()
				.add(StreamRecords.newRecord()
					.in("batch:stale:illustrationJob:partitions")
					.ofMap(new PartitionRequest(referenceExecution, 1, "calculateIllustrationsWorker",
							"calculateIllustrationsWorker:partition0")
						.fields()));
		}
		BatchProcess worker = worker(redis, "stale");
		worker.await(Pattern.compile("discarding the request for calculateIllustrationsWorker:partition0 of execution "
				+ referenceExecution + ": its run is COMPLETED"), Duration.ofMinutes(1));

		// a run in another namespace: this worker does not take its partitions, and without workers
		// of its own the run times out, naming them
		Run run = manager(redis, "elsewhere", directory.resolve("elsewhere"), "--batch.remote.timeout=4s");

		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(run.out()).contains("calculateIllustrations: 4 partitions not finished within 4s")
			.contains("calculateIllustrationsWorker:partition0 (no worker took it)")
			.contains("calculateIllustrationsWorker:partition3 (no worker took it)")
			.contains("restart it with: ./batch restart " + run.executionId());
		assertThat(worker.err()).doesNotContain("of execution " + run.executionId());
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
				+ " AND STEP_NAME LIKE 'calculateIllustrationsWorker:%' AND START_TIME IS NOT NULL", run.executionId()))
			.isZero();
	}

	@Test
	void redisOutOfReachAtLaunchStartsNothing() throws Exception {
		long before = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID > ?", 0);
		TestRedis nowhere = TestRedis.embedded();
		nowhere.stop();

		Run run = manager(nowhere, "nowhere", directory.resolve("nowhere"));

		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(run.err()).contains("Redis at 127.0.0.1:" + nowhere.port() + " cannot be reached")
			.contains("nothing was started")
			.doesNotContain("\tat ");
		assertThat(run.out()).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID > ?", 0)).isEqualTo(before);
	}

	@Test
	void aRunThatLosesRedisFailsCleanlyAndRestartsWhenItIsBack() throws Exception {
		TestRedis redis = TestRedis.embedded();
		try {
			BatchProcess worker = worker(redis, "lost");
			Path export = directory.resolve("after-redis-lost");
			CompletableFuture<Run> run = CompletableFuture
				.supplyAsync(() -> manager(redis, "lost", export, "--batch.remote.redis-outage=3s"));
			String partition = worker.await(
					Pattern.compile("Executing step: \\[(calculateIllustrationsWorker:partition\\d)]"),
					Duration.ofMinutes(2))
				.group(1);
			awaitCommits(partition, 1);

			redis.stop();

			Run failed = run.get(3, TimeUnit.MINUTES);
			assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCodes.FAILED);
			assertThat(failed.out()).contains("no worker ran it: Redis has been out of reach for more than 3 s");
			// the partition that was running finished; the others wait for the restart
			assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
					+ " AND STEP_NAME LIKE 'calculateIllustrationsWorker:%' AND STATUS IN ('STARTING', 'STARTED')",
					failed.executionId()))
				.isZero();

			redis.start();
			Run restarted = cli(remote(redis, "lost", "restart", Long.toString(failed.executionId())));

			assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
			assertSameExport(export);
		}
		finally {
			redis.stop();
		}
	}

	private BatchProcess worker(TestRedis redis, String namespace) throws InterruptedException {
		List<String> args = new ArrayList<>(List.of("worker", "--server.port=0", "--batch.api.token=" + TOKEN,
				"--batch.remote.worker-threads=1", "--batch.remote.idle-poll=200ms", "--batch.chunk-size=50"));
		args.addAll(redisArgs(redis, namespace));
		args.addAll(databaseArgs());
		BatchProcess worker = BatchProcess.start(directory, args);
		this.children.add(worker);
		worker.await(PORT, Duration.ofMinutes(2));
		return worker;
	}

	// illustrate, in this JVM, as a remote manager (or locally, with namespace "local")
	private static Run manager(TestRedis redis, String namespace, Path export, String... more) {
		List<String> args = new ArrayList<>(List.of(more));
		args.addAll(List.of("--batch.remote.poll-interval=300ms"));
		if (namespace.equals("local")) {
			return cli(concat(List.of("illustrate", policies.toString(), "--export-dir", reference.toString()), args));
		}
		List<String> command = remote(redis, namespace, "illustrate", policies.toString(), "--export-dir",
				export.toString());
		command.addAll(args);
		return cli(command);
	}

	private static Run manager(TestRedis redis, String namespace, List<String> more) {
		return manager(redis, namespace, reference, more.toArray(String[]::new));
	}

	private static List<String> remote(TestRedis redis, String namespace, String... command) {
		List<String> args = new ArrayList<>(List.of(command));
		args.add("--batch.partitioning=remote");
		args.addAll(redisArgs(redis, namespace));
		return args;
	}

	private static List<String> redisArgs(TestRedis redis, String namespace) {
		return List.of("--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
				"--batch.remote.namespace=" + namespace, "--batch.remote.lease=3s");
	}

	private static List<String> databaseArgs() {
		return List.of("--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + TestDatabase.username(),
				"--spring.datasource.password=" + TestDatabase.password(), "--batch.partition.grid-size=4");
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static Run cli(String... args) {
		return cli(List.of(args));
	}

	private static Run cli(List<String> args) {
		List<String> all = concat(args, databaseArgs());
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = new BatchCli(BatchApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
			.run(all.toArray(String[]::new));
		return new Run(code, out.toString(), err.toString());
	}

	// Until the latest execution of a partition has committed chunks.
	private static void awaitCommits(String partition, int commits) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			try (Connection connection = connect();
					PreparedStatement statement = connection.prepareStatement("SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION"
							+ " WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1")) {
				statement.setString(1, partition);
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next() && rs.getLong(1) >= commits) {
						return;
					}
				}
			}
			assertThat(System.nanoTime()).as(partition + " commits in time").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	// A partition's row of the status table: its read count, and the items it expected.
	private static Matcher partitionRow(String status, String partition, String state) {
		Matcher row = Pattern.compile("(?m)^    " + Pattern.quote(partition) + " +" + state
				+ " +(\\d+) +\\d+ +\\d+ +\\d+ +\\d+ +(\\d+) ").matcher(status);
		assertThat(row.find()).as(status).isTrue();
		return row;
	}

	private static void assertSameExport(Path export) {
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(export.resolve(file)).hasSameTextualContentAs(reference.resolve(file));
		}
	}

	private static String scrape(BatchProcess worker) throws Exception {
		Matcher port = PORT.matcher(worker.out());
		assertThat(port.find()).isTrue();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + TOKEN)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static long count(String sql, long id) throws SQLException {
		return TestDatabase.queryForLong(DATABASE, sql, id);
	}

	private static Connection connect() throws SQLException {
		return TestDatabase.connect(DATABASE);
	}

	private record Run(int exitCode, String out, String err) {

		long executionId() {
			Matcher matcher = EXECUTION.matcher(this.out);
			assertThat(matcher.find()).as(this.out + this.err).isTrue();
			return Long.parseLong(matcher.group(1));
		}

	}

	// A client of the test's own, to play a worker that dies, or an old deployment.
	private static final class Redis implements AutoCloseable {

		private final LettuceConnectionFactory factory;

		private final StringRedisTemplate template;

		Redis(TestRedis redis) {
			this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
			this.factory.afterPropertiesSet();
			this.factory.start();
			this.template = new StringRedisTemplate(this.factory);
		}

		StringRedisTemplate template() {
			return this.template;
		}

		@Override
		public void close() {
			this.factory.destroy();
		}

	}

}
