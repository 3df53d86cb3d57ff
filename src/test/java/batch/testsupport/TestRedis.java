package batch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis server for the tests: the one {@code BATCH_TEST_REDIS_HOST} and
 * {@code BATCH_TEST_REDIS_PORT} point at, or else an embedded one (the Redis binary of
 * embedded-redis) that this JVM starts and stops. Tests keep out of each other's way with a
 * namespace each.
 */
public final class TestRedis {

	private static TestRedis shared;

	private final String host;

	private final int port;

	private RedisServer server;

	private TestRedis(String host, int port, RedisServer server) {
		this.host = host;
		this.port = port;
		this.server = server;
	}

	/** The server the tests share: the configured one, or an embedded one started once. */
	public static synchronized TestRedis shared() {
		if (shared == null) {
			String host = System.getenv("BATCH_TEST_REDIS_HOST");
			if (host != null && !host.isBlank()) {
				String port = System.getenv("BATCH_TEST_REDIS_PORT");
				shared = new TestRedis(host, (port != null) ? Integer.parseInt(port) : 6379, null);
			}
			else {
				shared = embedded();
				Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
			}
		}
		return shared;
	}

	/** A server of the caller's own, which it may stop and start again. */
	public static TestRedis embedded() {
		int port = freePort();
		TestRedis redis = new TestRedis("127.0.0.1", port, null);
		redis.start();
		return redis;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	/** Starts an embedded server (again) on its port, empty: it keeps nothing on disk. */
	public synchronized void start() {
		try {
			this.server = RedisServer.newRedisServer()
				.port(this.port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the embedded Redis", ex);
		}
	}

	/** Stops an embedded server: to the application, Redis is lost. */
	public synchronized void stop() {
		if (this.server != null) {
			try {
				this.server.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
