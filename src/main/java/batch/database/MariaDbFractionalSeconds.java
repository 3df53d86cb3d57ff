package batch.database;

import java.sql.Savepoint;
import java.util.Properties;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.ServerVersion;
import com.mysql.cj.jdbc.interceptors.ConnectionLifecycleInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.ServerSession;
import com.mysql.cj.protocol.a.NativeCapabilities;
import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.NativeServerSession;

/**
 * Lets MySQL's connector send the fractional seconds of the times it binds to MariaDB. MariaDB
 * 10 and 11 greet clients as version {@code 5.5.5-10.11.19-MariaDB} (the prefix keeps old MySQL
 * replicas talking to them); the connector reads 5.5.5, older than MySQL 5.6.4, the first with
 * fractional seconds, and binds every {@code LocalDateTime} and {@code Timestamp} without them.
 * The job repository's {@code DATETIME(6)} columns then hold whole seconds, and a short run
 * reported {@code COMPLETED in 0.0 s}. On a MariaDB connection this interceptor tells the
 * connector what the server can do; nothing else about the version changes (MariaDB must still
 * not be taken for MySQL 8). Named in the connection's {@code connectionLifecycleInterceptors} by
 * {@link DataSourceDefaults}; the connector makes one per connection, after the handshake.
 */
public final class MariaDbFractionalSeconds implements ConnectionLifecycleInterceptor {

	@Override
	public ConnectionLifecycleInterceptor init(MysqlConnection connection, Properties properties, Log log) {
		ServerSession server = connection.getSession().getServerSession();
		if (server instanceof NativeServerSession session && isMariaDb(session.getServerVersion())
				&& !session.getCapabilities().serverSupportsFracSecs()) {
			session.setCapabilities(new WithFractionalSeconds(session.getCapabilities()));
		}
		return this;
	}

	/** Whether the server's greeting is MariaDB's, {@code 5.5.5-<version>-MariaDB...}. */
	static boolean isMariaDb(ServerVersion version) {
		String greeting = (version != null) ? version.toString() : "";
		return greeting.startsWith("5.5.5-") && greeting.contains("MariaDB");
	}

	/**
	 * The capabilities the server declared, read again from its greeting, but for fractional
	 * seconds, which every MariaDB since 5.3 keeps. The flags the connection negotiated since are
	 * carried over.
	 */
	private static final class WithFractionalSeconds extends NativeCapabilities {

		WithFractionalSeconds(NativeCapabilities declared) {
			super(rewound(declared.getInitialHandshakePacket()));
			setCapabilityFlags(declared.getCapabilityFlags());
			setThreadId(declared.getThreadId());
		}

		private static NativePacketPayload rewound(NativePacketPayload greeting) {
			greeting.setPosition(0);
			return greeting;
		}

		@Override
		public boolean serverSupportsFracSecs() {
			return true;
		}

	}

	@Override
	public void destroy() {
	}

	@Override
	public void close() {
	}

	@Override
	public boolean commit() {
		return true;
	}

	@Override
	public boolean rollback() {
		return true;
	}

	@Override
	public boolean rollback(Savepoint savepoint) {
		return true;
	}

	@Override
	public boolean setAutoCommit(boolean autoCommit) {
		return true;
	}

	@Override
	public boolean setDatabase(String database) {
		return true;
	}

	@Override
	public boolean transactionBegun() {
		return true;
	}

	@Override
	public boolean transactionCompleted() {
		return true;
	}

}
