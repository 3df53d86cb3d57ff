import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness of bench/run: the ceilings (LOAD DATA LOCAL INFILE on one connection and
 * on N at once, a hand-written JDBC loop on one thread and on N, and on a narrow table) for the
 * very rows illustrationJob and cashFlowJob write, the job end to end at two sizes, cashFlowJob on
 * generated contracts (a book of the four lending types, and a bank's book of every type up to a
 * horizon), start-up to the first row read, peak heap; each figure the median of several runs
 * where a run is short. Runs the packaged application (target/batch.jar) in processes of its own,
 * as operators do, with -Xmx512m.
 */
public class Harness {

	private static final String URL = env("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306").replaceAll("/+$", "");

	private static final String USER = env("BENCH_DB_USER", "root");

	private static final String PASSWORD = env("BENCH_DB_PASSWORD", "");

	private static final Path WORK = Path.of("target/bench").toAbsolutePath();

	// what the job's writer sends: the same upsert, for the ceilings
	private static final List<String> COLUMNS = List.of("policy_id", "policy_year", "product_code", "age", "premium",
			"total_premiums_paid", "guaranteed_death_benefit", "guaranteed_surrender_value", "death_benefit_4",
			"surrender_value_4", "maturity_benefit_4", "accrued_bonus_4", "fund_value_4", "death_benefit_8",
			"surrender_value_8", "maturity_benefit_8", "accrued_bonus_8", "fund_value_8", "basis_version",
			"job_execution_id");

	private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private static long policies = 1_000_000;

	private static long contracts = 160_000;

	private static boolean illustrationsOnly;

	private static int runs = 3;

	private static int threads = Runtime.getRuntime().availableProcessors();

	private static final List<String[]> table = new ArrayList<>();

	private static final List<String> databases = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--policies" -> policies = Long.parseLong(args[++i]);
				case "--contracts" -> contracts = Long.parseLong(args[++i]);
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--threads" -> threads = Integer.parseInt(args[++i]);
				case "--illustrations-only" -> illustrationsOnly = true;
				case "--quick" -> {
					policies = 100_000;
					contracts = 16_000;
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i]
						+ "; use [--policies N] [--contracts N] [--runs R] [--threads T] [--quick] [--illustrations-only]");
			}
		}
		Files.createDirectories(WORK);
		describeMachine();
		// the launcher extracts the jar and records its class-data archive on its first run after a
		// build, about 10 s: here, not in the first measured run (it was 13.0 s of a million-policy
		// run's start-up on 2026-12-04)
		app(List.of("--version"), null);
		Job small = illustration(policies / 10);
		Job large = illustration(policies);
		double perPolicy = (large.seconds() / large.items()) / (small.seconds() / small.items());
		String flat = String.format(Locale.ROOT, "illustration-per-policy-%s/%s=%.2f", size(policies),
				size(policies / 10), perPolicy);
		table.add(new String[] { String.format(Locale.ROOT, "illustrationJob: time per policy, %,d / %,d policies",
				policies, policies / 10), "", "", "", String.format(Locale.ROOT, "%.2f", perPolicy), "", "", "" });
		if (illustrationsOnly) {
			printTable();
			dropDatabases();
			System.out.printf(Locale.ROOT, "%n%s peak-heap-mb-%s=%d peak-heap-mb-%s=%d%n", flat, size(policies / 10),
					small.peakHeapMb(), size(policies), large.peakHeapMb());
			return;
		}
		Ceilings ceilings = ceilings(large);
		Job cashFlow = cashFlow(contracts, "PAM,ANN,LAM,NAM");
		Ceilings cashFlowCeilings = cashFlowCeilings(cashFlow);
		Job mixed = cashFlow(contracts, null);
		printTable();
		dropDatabases();
		double jdbc = large.rowsPerSecond() / Math.max(ceilings.jdbcOne(), ceilings.jdbcMany());
		double loadData = large.rowsPerSecond() / ceilings.loadData();
		System.out.printf(Locale.ROOT, "%nillustration/jdbc=%.2f illustration/load-data=%.2f cashflow/load-data=%.2f "
				+ "illustration/load-data-parallel=%.2f cashflow/load-data-parallel=%.2f cashflow-%s-s=%.0f "
				+ "cashflow-mixed/four-types=%.2f %s peak-heap-mb=%d peak-heap-mb-%s=%d "
				+ "peak-heap-mb-%s=%d peak-heap-mb-cashflow-%s=%d%n", jdbc, loadData,
				cashFlow.rowsPerSecond() / cashFlowCeilings.loadData(),
				large.rowsPerSecond() / ceilings.loadDataParallel(),
				cashFlow.rowsPerSecond() / cashFlowCeilings.loadDataParallel(), size(contracts), cashFlow.seconds(),
				mixed.rowsPerSecond() / cashFlow.rowsPerSecond(), flat,
				Math.max(Math.max(small.peakHeapMb(), large.peakHeapMb()),
						Math.max(cashFlow.peakHeapMb(), mixed.peakHeapMb())),
				size(policies / 10), small.peakHeapMb(), size(policies), large.peakHeapMb(), size(contracts),
				Math.max(cashFlow.peakHeapMb(), mixed.peakHeapMb()));
	}

	private static void dropDatabases() throws SQLException {
		try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
			for (String database : databases) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
		}
	}

	// 100000 as "100k", for the summary's keys.
	private static String size(long count) {
		return (count >= 1000 && count % 1000 == 0) ? (count / 1000) + "k" : Long.toString(count);
	}

	// ---------------------------------------------------------------- the machine

	private static void describeMachine() throws Exception {
		System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ memory() + ", " + cpu() + "; " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version"));
		try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
			StringBuilder settings = new StringBuilder();
			try (ResultSet rs = statement.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size, "
					+ "@@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin, @@innodb_log_file_size, "
					+ "@@max_allowed_packet, @@local_infile")) {
				rs.next();
				System.out.println("server: " + rs.getString(1) + " at " + URL);
				settings.append("innodb_buffer_pool_size=").append(rs.getLong(2) >> 20).append("M")
					.append(" innodb_flush_log_at_trx_commit=").append(rs.getString(3))
					.append(" sync_binlog=").append(rs.getString(4))
					.append(" log_bin=").append(rs.getString(5))
					.append(" innodb_log_file_size=").append(rs.getLong(6) >> 20).append("M")
					.append(" max_allowed_packet=").append(rs.getLong(7) >> 20).append("M")
					.append(" local_infile=").append(rs.getInt(8) == 1 ? "ON" : "OFF");
				// the policy table's two hash indexes take about 90 bytes a policy; beyond the pool,
				// each insert reads pages back and the import is no longer flat (README, Ten times the size)
				long indexBytes = 90 * policies;
				if (indexBytes > rs.getLong(2)) {
					System.out.printf(Locale.ROOT, "warning: innodb_buffer_pool_size=%dM is below the policy indexes of "
							+ "%,d policies (about %dM): the import will slow down with the size; for a flat run give "
							+ "it more (README, Ten times the size: 4096M at ten million)%n", rs.getLong(2) >> 20,
							policies, indexBytes >> 20);
				}
			}
			System.out.println("server settings: " + settings);
		}
		System.out.println("settings: application defaults (chunk 1000, grid size and threads = cores), "
				+ "results by LOAD DATA LOCAL INFILE where local_infile=ON, else JDBC batches (rewriteBatchedStatements=true); "
				+ "job JVMs -Xmx512m; ceilings on "
				+ threads + " threads at most; " + runs + " runs of anything under 2 minutes, the median shown");
		System.out.println(loopDescription());
		System.out.println();
	}

	private static String memory() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
			if (line.startsWith("MemTotal:")) {
				return (Long.parseLong(line.replaceAll("\\D", "")) >> 20) + " GiB";
			}
		}
		return "? GiB";
	}

	private static String cpu() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
			if (line.startsWith("model name")) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return "unknown CPU";
	}

	// ---------------------------------------------------------------- the jobs

	private record Job(String name, long items, long rows, double seconds, double startupSeconds,
			Map<String, Double> steps, long peakHeapMb, long liveHeapMb, String database) {

		double rowsPerSecond() {
			return this.rows / this.seconds;
		}

	}

	private static Job illustration(long count) throws Exception {
		Path file = WORK.resolve("policies-" + count + ".csv");
		if (!Files.exists(file)) {
			app(List.of("generate", "policies", "--count", Long.toString(count), "--output", file.toString(), "--seed",
					"2026"), null);
		}
		return measured(String.format(Locale.ROOT, "illustrationJob, %,d policies", count), "policies",
				() -> runJob("illustrationJob", "bench_illustration_" + count, List.of("illustrate", file.toString()),
						"illustration", "illustration_summary"));
	}

	// The four lending types' book (types "PAM,ANN,LAM,NAM"), or with null a bank's book of every
	// type, projected to a horizon: its open accounts and cash positions have no end of their own.
	private static Job cashFlow(long count, String types) throws Exception {
		String book = (types != null) ? "lending" : "mixed";
		Path file = WORK.resolve("contracts-" + book + "-" + count + ".csv");
		Path observations = WORK.resolve("observations-" + book + "-" + count + ".csv");
		Path curves = WORK.resolve("curves-" + book + "-" + count + ".csv");
		if (!Files.exists(file)) {
			List<String> generate = new ArrayList<>(List.of("generate", "contracts", "--count", Long.toString(count),
					"--output", file.toString(), "--observations", observations.toString(), "--curves",
					curves.toString(), "--seed", "2026"));
			if (types != null) {
				generate.addAll(List.of("--types", types));
			}
			app(generate, null);
		}
		List<String> run = new ArrayList<>(List.of("cashflow", file.toString(), "--observations",
				observations.toString(), "--curves", curves.toString()));
		if (types == null) {
			run.addAll(List.of("--horizon", "2066-12-31"));
		}
		String what = (types != null) ? String.format(Locale.ROOT, "cashFlowJob, %,d contracts (%s)", count, types)
				: String.format(Locale.ROOT, "cashFlowJob, %,d contracts (every type, --horizon)", count);
		return measured(what, "contracts",
				() -> runJob("cashFlowJob", "bench_cashflow_" + book + "_" + count, run, "cash_flow",
						"contract_valuation"));
	}

	// The median of several runs if the first is short (under 2 minutes), else the one run; a row
	// of the table.
	private static Job measured(String what, String unit, Callable<Job> run) throws Exception {
		List<Job> results = new ArrayList<>();
		int times = 1;
		for (int i = 0; i < times; i++) {
			Job job = run.call();
			results.add(job);
			if (i == 0 && job.seconds() < 120) {
				times = runs;
			}
		}
		Job median = median(results);
		row(what + " (" + results.size() + " run" + ((results.size() > 1) ? "s" : "") + ")", median, unit);
		return median;
	}

	// One run in a fresh database: wall time from process start to end, start-up to the first step,
	// the time of each step as the job repository has it, and the peak heap from the GC log.
	private static Job runJob(String name, String database, List<String> command, String rowsTable,
			String itemsTable) throws Exception {
		try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database);
		}
		if (!databases.contains(database)) {
			databases.add(database);
		}
		Path gcLog = WORK.resolve(database + "-gc.log");
		Files.deleteIfExists(gcLog);
		List<String> args = new ArrayList<>(command);
		args.add("--spring.datasource.url=" + URL + "/" + database);
		args.add("--spring.datasource.username=" + USER);
		args.add("--spring.datasource.password=" + PASSWORD);
		long start = System.nanoTime();
		LocalDateTime started = LocalDateTime.now();
		app(args, gcLog);
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Double> steps = new LinkedHashMap<>();
		double startup;
		long rows;
		long items;
		try (Connection connection = connect("/" + database); Statement statement = connection.createStatement()) {
			LocalDateTime first = null;
			try (ResultSet rs = statement.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION"
					+ " WHERE STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID")) {
				while (rs.next()) {
					LocalDateTime from = rs.getTimestamp(2).toLocalDateTime();
					LocalDateTime to = rs.getTimestamp(3).toLocalDateTime();
					first = (first == null) ? from : first;
					steps.put(rs.getString(1), Duration.between(from, to).toMillis() / 1000.0);
				}
			}
			startup = Duration.between(started, first).toMillis() / 1000.0;
			rows = count(statement, rowsTable);
			items = count(statement, itemsTable);
		}
		long[] heap = heapMb(gcLog);
		return new Job(name, items, rows, seconds, startup, steps, heap[0], heap[1], database);
	}

	private static long count(Statement statement, String table) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	// The largest heap in use before a collection (the peak, to within one allocation burst: what
	// the collector let grow, up to -Xmx), and the largest left after one (what was live).
	private static long[] heapMb(Path gcLog) throws IOException {
		long peak = 0;
		long live = 0;
		if (Files.exists(gcLog)) {
			for (String line : Files.readAllLines(gcLog)) {
				Matcher matcher = GC.matcher(line);
				if (matcher.find()) {
					peak = Math.max(peak, Long.parseLong(matcher.group(1)));
					live = Math.max(live, Long.parseLong(matcher.group(2)));
				}
			}
		}
		return new long[] { peak, live };
	}

	private static final String BENCH_KEY = randomKey();

	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return java.util.Base64.getEncoder().encodeToString(key);
	}

	// As operators run it: through the launcher (its extracted jar and class-data-sharing archive).
	private static void app(List<String> args, Path gcLog) throws Exception {
		List<String> command = new ArrayList<>(List.of("./batch"));
		command.addAll(args);
		Path log = WORK.resolve("last-run.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment()
			.put("BATCH_JAVA_OPTS", "-Xmx512m" + ((gcLog != null) ? " -Xlog:gc:file=" + gcLog : ""));
		// synthetic data: keys of the benchmark's own, unless given (a run on MySQL refuses the
		// built-in development keys)
		builder.environment().putIfAbsent("BATCH_PRIVACY_HASH_KEY", BENCH_KEY);
		builder.environment().putIfAbsent("BATCH_PRIVACY_ENCRYPTION_KEY_ID", "bench");
		builder.environment().putIfAbsent("BATCH_PRIVACY_ENCRYPTIONKEYS_BENCH", BENCH_KEY);
		Process process = builder.start();
		int code = process.waitFor();
		if (code != 0) {
			throw new IllegalStateException("exit " + code + " from " + String.join(" ", args.subList(0, 1))
					+ "; its output is in " + log);
		}
	}

	private static Job median(List<Job> jobs) {
		List<Job> sorted = new ArrayList<>(jobs);
		sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
		Job median = sorted.get(sorted.size() / 2);
		long peak = jobs.stream().mapToLong(Job::peakHeapMb).max().orElse(0);
		long live = jobs.stream().mapToLong(Job::liveHeapMb).max().orElse(0);
		return new Job(median.name(), median.items(), median.rows(), median.seconds(), median.startupSeconds(),
				median.steps(), peak, live, median.database());
	}

	// ---------------------------------------------------------------- the ceilings

	// Rows per multi-row upsert. On 415,000 illustration rows, 2 threads, same run: one driver-rewritten
	// batch per chunk (rewriteBatchedStatements=true, about 21,000 rows, statements up to
	// max_allowed_packet: the loop before this one) 19,000 to 23,000 rows/s; the same batches
	// executed every 250 or 500 rows 34,000 to 111,000; explicit statements of 100 to 1000 rows, client-side prepared, 37,000 to
	// 178,000; server-side prepared, 77,000 to 247,000. Server-side, 250 rows was as fast as any
	// (the machine is shared, so only orderings within one run count). In one bench/run --quick: 88,805
	// rows/s on 2 threads against 27,255 for the rewritten batch a chunk.
	private static final int ROWS_PER_STATEMENT = 250;

	private static final int ITEMS_PER_COMMIT = 1000;

	// A table the JDBC loop writes from a dump: its columns (the first keyColumns are the key), and how
	// one dumped line (the dumped table's columns, tab-separated) binds at an offset.
	private record Rows(String table, List<String> columns, int keyColumns, Binder binder) {

		String upsert(int rowCount) {
			String one = "(" + String.join(", ", Collections.nCopies(this.columns.size(), "?")) + ")";
			return "INSERT INTO " + this.table + " (" + String.join(", ", this.columns) + ") VALUES "
					+ String.join(", ", Collections.nCopies(rowCount, one)) + " ON DUPLICATE KEY UPDATE "
					+ String.join(", ", this.columns.subList(this.keyColumns, this.columns.size()).stream()
						.map((c) -> c + " = VALUES(" + c + ")").toList());
		}

	}

	private interface Binder {

		void bind(PreparedStatement ps, int offset, String[] f) throws SQLException;

	}

	private static final Rows ILLUSTRATION = new Rows("illustration", COLUMNS, 2, (ps, o, f) -> {
		ps.setLong(o + 1, Long.parseLong(f[0]));
		ps.setInt(o + 2, Integer.parseInt(f[1]));
		ps.setString(o + 3, f[2]);
		ps.setInt(o + 4, Integer.parseInt(f[3]));
		for (int i = 4; i < 18; i++) {
			ps.setBigDecimal(o + i + 1, f[i].equals("\\N") ? null : new BigDecimal(f[i]));
		}
		ps.setString(o + 19, f[18]);
		ps.setLong(o + 20, Long.parseLong(f[19]));
	});

	// The same keys and one amount of the illustration rows, for the ratio of a wide row to a narrow one.
	private static final Rows NARROW = new Rows("narrow", List.of("policy_id", "policy_year", "premium"), 2,
			(ps, o, f) -> {
				ps.setLong(o + 1, Long.parseLong(f[0]));
				ps.setInt(o + 2, Integer.parseInt(f[1]));
				ps.setBigDecimal(o + 3, new BigDecimal(f[4]));
			});

	private static final List<String> CASH_FLOW_COLUMNS = List.of("contract_id", "seq", "event_date", "event_type",
			"currency", "payoff", "notional_principal", "nominal_interest_rate", "accrued_interest", "job_execution_id");

	private static final Rows CASH_FLOW = new Rows("cash_flow", CASH_FLOW_COLUMNS, 2, (ps, o, f) -> {
		ps.setString(o + 1, f[0]);
		ps.setInt(o + 2, Integer.parseInt(f[1]));
		ps.setObject(o + 3, java.time.LocalDate.parse(f[2]));
		ps.setString(o + 4, f[3]);
		ps.setString(o + 5, f[4]);
		for (int i = 5; i < 9; i++) {
			ps.setBigDecimal(o + i + 1, new BigDecimal(f[i]));
		}
		ps.setLong(o + 10, Long.parseLong(f[9]));
	});

	static String loopDescription() {
		return "JDBC loop: INSERT ... VALUES of " + ROWS_PER_STATEMENT + " rows ... ON DUPLICATE KEY UPDATE, prepared "
				+ "once per connection (server-side), the chunk's last rows in one rewritten batch; 1 and " + threads
				+ " threads, a connection each, autocommit off, commit per " + ITEMS_PER_COMMIT + " policies (contracts)";
	}

	private record Ceilings(double loadData, double loadDataParallel, double jdbcOne, double jdbcMany) {

	}

	// The rows the large run wrote, dumped in key order to one file per thread (contiguous policy
	// ranges), then written again into an empty copy of the table: by LOAD DATA, and by the JDBC
	// loop on one thread and on N; then the same loop on a narrow table of the same keys.
	private static Ceilings ceilings(Job job) throws Exception {
		List<Path> parts = dump(job, "illustration", COLUMNS);
		long rows = job.rows();
		String database = "bench_ceiling";
		int times = 1;
		List<Double> load = new ArrayList<>();
		List<Double> loadParallel = new ArrayList<>();
		List<Double> one = new ArrayList<>();
		List<Double> many = new ArrayList<>();
		List<Double> narrow = new ArrayList<>();
		long wideBytes = 0;
		long narrowBytes = 0;
		for (int run = 0; run < times; run++) {
			emptyCopy(job.database(), database, "illustration");
			load.add(rows / loadData(database, "illustration", COLUMNS, parts));
			emptyCopy(job.database(), database, "illustration");
			loadParallel.add(rows / loadData(database, "illustration", COLUMNS, parts, threads));
			emptyCopy(job.database(), database, "illustration");
			one.add(rows / jdbcLoop(database, ILLUSTRATION, parts, 1));
			emptyCopy(job.database(), database, "illustration");
			many.add(rows / jdbcLoop(database, ILLUSTRATION, parts, threads));
			wideBytes = bytesPerRow(database, "illustration", rows);
			try (Connection connection = connect("/" + database); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE narrow (policy_id BIGINT NOT NULL, policy_year INT NOT NULL, "
						+ "premium DECIMAL(18,2) NOT NULL, PRIMARY KEY (policy_id, policy_year))");
			}
			narrow.add(rows / jdbcLoop(database, NARROW, parts, threads));
			narrowBytes = bytesPerRow(database, "narrow", rows);
			if (run == 0 && rows / load.get(0) + rows / loadParallel.get(0) + rows / one.get(0) + rows / many.get(0)
					+ rows / narrow.get(0) < 120) {
				times = runs;
			}
		}
		dropAndDelete(database, parts);
		Ceilings ceilings = new Ceilings(middle(load), middle(loadParallel), middle(one), middle(many));
		String runsNote = runsNote(load.size());
		table.add(new String[] { String.format(Locale.ROOT, "ceiling: LOAD DATA LOCAL INFILE, %,d rows", rows) + runsNote,
				"", seconds(rows / ceilings.loadData()), "", rate(ceilings.loadData()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "ceiling: LOAD DATA on %d connections at once", threads)
				+ runsNote, "", seconds(rows / ceilings.loadDataParallel()), "", rate(ceilings.loadDataParallel()), "",
				"", "" });
		table.add(new String[] { "ceiling: JDBC loop, 1 thread" + runsNote, "", seconds(rows / ceilings.jdbcOne()), "",
				rate(ceilings.jdbcOne()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "ceiling: JDBC loop, %d threads, %d B a row", threads,
				wideBytes) + runsNote, "", seconds(rows / ceilings.jdbcMany()), "", rate(ceilings.jdbcMany()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "JDBC loop on a narrow table, %d threads, %d B a row",
				threads, narrowBytes) + runsNote, "", seconds(rows / middle(narrow)), "", rate(middle(narrow)), "", "",
				"" });
		table.add(new String[] { "JDBC loop: illustration rows / narrow rows (rows/s)", "", "", "",
				String.format(Locale.ROOT, "%.2f", ceilings.jdbcMany() / middle(narrow)), "", "", "" });
		double best = Math.max(ceilings.jdbcOne(), ceilings.jdbcMany());
		table.add(new String[] { "illustrationJob / best JDBC ceiling (rows/s)", "", "", "",
				String.format(Locale.ROOT, "%.2f", job.rowsPerSecond() / best), "", "", "" });
		table.add(new String[] { "illustrationJob / LOAD DATA (rows/s)", "", "", "",
				String.format(Locale.ROOT, "%.2f", job.rowsPerSecond() / ceilings.loadData()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "illustrationJob / LOAD DATA on %d connections (rows/s)",
				threads), "", "", "", String.format(Locale.ROOT, "%.2f", job.rowsPerSecond() / ceilings.loadDataParallel()),
				"", "", "" });
		return ceilings;
	}

	// The cash_flow rows of a cashFlowJob run, the same way: LOAD DATA, and the JDBC loop on N threads.
	private static Ceilings cashFlowCeilings(Job job) throws Exception {
		List<Path> parts = dump(job, "cash_flow", CASH_FLOW_COLUMNS);
		long rows = job.rows();
		String database = "bench_ceiling";
		int times = 1;
		List<Double> load = new ArrayList<>();
		List<Double> loadParallel = new ArrayList<>();
		List<Double> many = new ArrayList<>();
		for (int run = 0; run < times; run++) {
			emptyCopy(job.database(), database, "cash_flow");
			load.add(rows / loadData(database, "cash_flow", CASH_FLOW_COLUMNS, parts));
			emptyCopy(job.database(), database, "cash_flow");
			loadParallel.add(rows / loadData(database, "cash_flow", CASH_FLOW_COLUMNS, parts, threads));
			emptyCopy(job.database(), database, "cash_flow");
			many.add(rows / jdbcLoop(database, CASH_FLOW, parts, threads));
			if (run == 0 && rows / load.get(0) + rows / loadParallel.get(0) + rows / many.get(0) < 120) {
				times = runs;
			}
		}
		dropAndDelete(database, parts);
		Ceilings ceilings = new Ceilings(middle(load), middle(loadParallel), 0, middle(many));
		String runsNote = runsNote(load.size());
		table.add(new String[] { String.format(Locale.ROOT, "ceiling: LOAD DATA, %,d cash_flow rows", rows) + runsNote,
				"", seconds(rows / ceilings.loadData()), "", rate(ceilings.loadData()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "ceiling: LOAD DATA, cash_flow, %d connections at once",
				threads) + runsNote, "", seconds(rows / ceilings.loadDataParallel()), "",
				rate(ceilings.loadDataParallel()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "ceiling: JDBC loop, cash_flow, %d threads", threads)
				+ runsNote, "", seconds(rows / ceilings.jdbcMany()), "", rate(ceilings.jdbcMany()), "", "", "" });
		table.add(new String[] { "cashFlowJob / LOAD DATA (rows/s)", "", "", "",
				String.format(Locale.ROOT, "%.2f", job.rowsPerSecond() / ceilings.loadData()), "", "", "" });
		table.add(new String[] { String.format(Locale.ROOT, "cashFlowJob / LOAD DATA on %d connections (rows/s)",
				threads), "", "", "", String.format(Locale.ROOT, "%.2f", job.rowsPerSecond() / ceilings.loadDataParallel()),
				"", "", "" });
		return ceilings;
	}

	private static String runsNote(int count) {
		return " (" + count + " run" + ((count > 1) ? "s" : "") + ")";
	}

	private static double loadData(String database, String tableName, List<String> columns, List<Path> parts)
			throws Exception {
		return loadData(database, tableName, columns, parts, 1);
	}

	// Seconds to LOAD DATA every part into the table on this many connections at once (parts divided
	// among them, in order on each): one connection is the single statement's ceiling, one per thread
	// the ceiling of a writer as parallel as the job's partitions.
	private static double loadData(String database, String tableName, List<String> columns, List<Path> parts,
			int connections) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		long start = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				int connectionIndex = c;
				done.add(pool.submit(() -> {
					try (Connection connection = connect("/" + database + "?allowLoadLocalInfile=true");
							Statement statement = connection.createStatement()) {
						for (int p = connectionIndex; p < parts.size(); p += connections) {
							statement.execute("LOAD DATA LOCAL INFILE '" + parts.get(p) + "' INTO TABLE " + tableName
									+ " CHARACTER SET utf8mb4 (" + String.join(", ", columns) + ")");
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return (System.nanoTime() - start) / 1e9;
	}

	// The table's bytes on disk (clustered index and secondary ones) over its rows.
	private static long bytesPerRow(String database, String tableName, long rows) throws SQLException {
		try (Connection connection = connect("/" + database); Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE TABLE " + tableName);
			try (ResultSet rs = statement.executeQuery("SELECT data_length + index_length FROM information_schema.tables"
					+ " WHERE table_schema = '" + database + "' AND table_name = '" + tableName + "'")) {
				rs.next();
				return rs.getLong(1) / Math.max(1, rows);
			}
		}
	}

	private static void dropAndDelete(String database, List<Path> parts) throws Exception {
		try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
		}
		for (Path part : parts) {
			Files.deleteIfExists(part);
		}
	}

	// In key order, a part per thread, cut between items (the first column: a policy, a contract).
	private static List<Path> dump(Job job, String tableName, List<String> columns) throws Exception {
		List<Path> parts = new ArrayList<>();
		long perPart = (job.rows() + threads - 1) / threads;
		try (Connection connection = connect("/" + job.database());
				Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
			statement.setFetchSize(Integer.MIN_VALUE);
			try (ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + tableName
					+ " ORDER BY " + columns.get(0) + ", " + columns.get(1))) {
				BufferedWriter out = null;
				long written = 0;
				String lastItem = null;
				while (rs.next()) {
					String item = rs.getString(1);
					if (out == null || (written >= perPart && !item.equals(lastItem))) {
						if (out != null) {
							out.close();
						}
						Path part = WORK.resolve("rows-" + parts.size() + ".tsv");
						parts.add(part);
						out = Files.newBufferedWriter(part);
						written = 0;
					}
					for (int i = 1; i <= columns.size(); i++) {
						String value = rs.getString(i);
						out.write((value == null) ? "\\N" : value);
						out.write((i < columns.size()) ? '\t' : '\n');
					}
					written++;
					lastItem = item;
				}
				if (out != null) {
					out.close();
				}
			}
		}
		return parts;
	}

	private static void emptyCopy(String from, String to, String tableName) throws SQLException {
		try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + to);
			statement.execute("CREATE DATABASE " + to);
			statement.execute("CREATE TABLE " + to + "." + tableName + " LIKE " + from + "." + tableName);
		}
	}

	// Seconds to upsert every row of the parts, on this many threads (parts divided among them), as a
	// competent engineer would by hand: a connection per thread, autocommit off, statements of
	// ROWS_PER_STATEMENT rows prepared once on the server, a commit per ITEMS_PER_COMMIT items.
	private static double jdbcLoop(String database, Rows rows, List<Path> parts, int threadCount) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threadCount);
		long start = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threadCount; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					try (Connection connection = connect("/" + database
							+ "?useServerPrepStmts=true&rewriteBatchedStatements=true");
							PreparedStatement full = connection.prepareStatement(rows.upsert(ROWS_PER_STATEMENT));
							PreparedStatement single = connection.prepareStatement(rows.upsert(1))) {
						connection.setAutoCommit(false);
						for (int p = thread; p < parts.size(); p += threadCount) {
							writePart(connection, rows, full, single, parts.get(p));
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		try (Connection connection = connect("/" + database); Statement statement = connection.createStatement()) {
			long written = count(statement, rows.table());
			long expected = 0;
			for (Path part : parts) {
				try (java.util.stream.Stream<String> lines = Files.lines(part)) {
					expected += lines.count();
				}
			}
			if (written != expected) {
				throw new IllegalStateException("the JDBC loop left " + written + " rows in " + rows.table() + " of "
						+ expected);
			}
		}
		return seconds;
	}

	// Rows go into the full statement as they come; at a commit, the few bound since its last
	// execution go in one batch of the single-row statement (the driver rewrites it to one statement).
	private static void writePart(Connection connection, Rows rows, PreparedStatement full, PreparedStatement single,
			Path part) throws Exception {
		int width = rows.columns().size();
		List<String[]> pending = new ArrayList<>(ROWS_PER_STATEMENT);
		try (BufferedReader in = Files.newBufferedReader(part)) {
			String line;
			String lastItem = null;
			int items = 0;
			while ((line = in.readLine()) != null) {
				String[] f = line.split("\t", -1);
				if (!f[0].equals(lastItem) && ++items > ITEMS_PER_COMMIT) {
					flush(rows, single, pending);
					connection.commit();
					items = 1;
				}
				lastItem = f[0];
				rows.binder().bind(full, pending.size() * width, f);
				pending.add(f);
				if (pending.size() == ROWS_PER_STATEMENT) {
					full.executeUpdate();
					pending.clear();
				}
			}
			flush(rows, single, pending);
			connection.commit();
		}
	}

	private static void flush(Rows rows, PreparedStatement single, List<String[]> pending) throws SQLException {
		if (pending.isEmpty()) {
			return;
		}
		for (String[] f : pending) {
			rows.binder().bind(single, 0, f);
			single.addBatch();
		}
		single.executeBatch();
		pending.clear();
	}

	// ---------------------------------------------------------------- output

	private static void row(String what, Job job, String unit) {
		StringBuilder steps = new StringBuilder();
		job.steps().forEach((step, seconds) -> steps.append(steps.isEmpty() ? "" : ", ").append(step).append(' ')
			.append(String.format(Locale.ROOT, "%.1f s", seconds)));
		table.add(new String[] { what, String.format(Locale.ROOT, "%,d", job.items()), seconds(job.seconds()),
				rate(job.items() / job.seconds()) + " " + unit + "/s", rate(job.rowsPerSecond()),
				String.format(Locale.ROOT, "%.1f s", job.startupSeconds()),
				job.peakHeapMb() + "/" + job.liveHeapMb() + " MB", steps.toString() });
	}

	private static void printTable() {
		String format = "%-58s %12s %10s %22s %14s %9s %13s  %s%n";
		System.out.printf(Locale.ROOT, format, "what", "items", "time", "items/s", "rows/s", "start-up",
				"heap peak/live", "steps");
		for (String[] row : table) {
			System.out.printf(Locale.ROOT, format, (Object[]) row);
		}
	}

	private static String seconds(double seconds) {
		return String.format(Locale.ROOT, "%.1f s", seconds);
	}

	private static String rate(double perSecond) {
		return String.format(Locale.ROOT, "%,.0f", perSecond);
	}

	private static double middle(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static Connection connect(String suffix) throws SQLException {
		return DriverManager.getConnection(URL + suffix, USER, PASSWORD);
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : otherwise;
	}

}
