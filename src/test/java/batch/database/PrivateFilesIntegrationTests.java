package batch.database;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import batch.testsupport.BatchProcess;
import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application keeps on disk is its user's alone, and the embedded database is served to
 * this machine only: with the default settings, as {@code ./batch serve} runs in a directory of
 * its own, H2's auto-server listens on the loopback interface, {@code data/} is rwx------ and its
 * files rw-------; the {@code data/} of an earlier version is tightened at the next start; the
 * LOAD DATA spool directory of a process on MariaDB is rwx------.
 */
class PrivateFilesIntegrationTests {

	private static final String TOKEN = "a-token-for-the-private-files-test";

	private static final String H2_SETTINGS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
			+ "IGNORECASE=TRUE;AUTO_SERVER=TRUE";

	private static final Pattern SERVING = Pattern.compile("serving on port \\d+");

	// the state of a TCP socket in /proc/net/tcp and tcp6
	private static final String LISTEN = "0A";

	@TempDir
	Path directory;

	@Test
	void theEmbeddedDatabaseIsServedOnTheLoopbackOnlyFromFilesOfItsUserAlone() throws Exception {
		Path work = Files.createDirectory(this.directory.resolve("work"));
		BatchProcess server = BatchProcess.startIn(work, this.directory,
				List.of("serve", "--server.port=0", "--batch.api.token=" + TOKEN));
		try {
			server.await(SERVING, Duration.ofMinutes(2));
			Path data = work.resolve("data");
			int port = autoServerPort(data.resolve("batch.lock.db"));

			List<InetAddress> listening = listeningAddresses(port);
			Run shared = Cli.run("executions",
					"--spring.datasource.url=jdbc:h2:file:" + data.resolve("batch") + H2_SETTINGS);

			assertThat(listening).as("the addresses H2's auto-server listens on, port " + port)
				.isNotEmpty()
				.allMatch(InetAddress::isLoopbackAddress);
			assertThat(permissions(data)).isEqualTo("rwx------");
			assertThat(filesIn(data)).extracting((file) -> file.getFileName().toString())
				.contains("batch.mv.db", "batch.lock.db");
			for (Path file : filesIn(data)) {
				assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
			}
			// another process opens the database through that server
			assertThat(shared.exitCode()).as(shared.err()).isZero();
			assertThat(shared.out()).startsWith("execution");
		}
		finally {
			server.process().destroy();
			assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void theDataDirectoryOfAnEarlierVersionIsMadeItsUsersAloneAtTheNextStart() throws Exception {
		Path data = this.directory.resolve("earlier/data");
		String url = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("batch") + H2_SETTINGS;
		assertThat(Cli.run("executions", url).exitCode()).isZero();
		// as an earlier version left them, with a umask of 022
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		for (Path file : filesIn(data)) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}

		Run again = Cli.run("executions", url);

		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(filesIn(data)).isNotEmpty();
		for (Path file : filesIn(data)) {
			assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
		}
	}

	@Test
	void theSpoolDirectoryOfAProcessOnMariaDbIsItsUsersAlone() throws Exception {
		String url = TestDatabase.newDatabaseUrl("private_files");
		BatchProcess server = BatchProcess.start(this.directory,
				List.of("serve", "--server.port=0", "--batch.api.token=" + TOKEN, "--spring.datasource.url=" + url,
						"--spring.datasource.username=" + TestDatabase.username(),
						"--spring.datasource.password=" + TestDatabase.password()));
		try {
			server.await(SERVING, Duration.ofMinutes(2));
			List<Path> spools;
			try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
				String prefix = "batch-load-" + server.pid() + "-";
				spools = entries.filter((entry) -> entry.getFileName().toString().startsWith(prefix)).toList();
			}

			assertThat(spools).hasSize(1);
			assertThat(permissions(spools.get(0))).isEqualTo("rwx------");
		}
		finally {
			server.process().destroy();
			assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
	}

	// the lock file of a database that a process serves says where: server=localhost:<port>
	private static int autoServerPort(Path lockFile) throws IOException {
		Properties lock = new Properties();
		try (Reader reader = Files.newBufferedReader(lockFile)) {
			lock.load(reader);
		}
		String server = lock.getProperty("server");
		assertThat(server).as("the auto-server in " + lockFile).isNotNull();
		return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
	}

	// The local addresses of the sockets listening on the port, as the kernel has them: lines of
	// "sl local_address rem_address st ...", the address in hex, in the byte order of the host
	// (little-endian here) per 32-bit word.
	private static List<InetAddress> listeningAddresses(int port) throws IOException {
		List<InetAddress> addresses = new ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path file = Path.of(table);
			if (!Files.exists(file)) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.strip().split("\\s+");
				String[] local = fields[1].split(":");
				if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
					addresses.add(InetAddress.getByAddress(littleEndianWords(HexFormat.of().parseHex(local[0]))));
				}
			}
		}
		return addresses;
	}

	private static byte[] littleEndianWords(byte[] address) {
		byte[] ordered = new byte[address.length];
		for (int word = 0; word < address.length; word += 4) {
			for (int i = 0; i < 4; i++) {
				ordered[word + i] = address[word + 3 - i];
			}
		}
		return ordered;
	}

	private static List<Path> filesIn(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isRegularFile).toList();
		}
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
