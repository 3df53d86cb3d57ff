package batch.job;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TransientErrorsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TransientErrors transientErrors = new TransientErrors(this.registry,
			new RetryProperties(3, Duration.ofMillis(1), 2, Duration.ofMillis(4), Duration.ZERO));

	@Test
	void deadlocksAndLockWaitTimeoutsAreTransientAsTheDriverAndSpringReportThem() {
		SQLException deadlock = new SQLTransactionRollbackException(
				"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
		SQLException lockWait = new SQLTransactionRollbackException("Lock wait timeout exceeded; try restarting transaction", "40001",
				1205);

		assertThat(TransientErrors.kind(deadlock)).isEqualTo("deadlock");
		assertThat(TransientErrors.kind(translated(deadlock))).isEqualTo("deadlock");
		assertThat(TransientErrors.kind(lockWait)).isEqualTo("lock_wait_timeout");
		assertThat(TransientErrors.kind(translated(lockWait))).isEqualTo("lock_wait_timeout");
		assertThat(TransientErrors.kind(new IllegalStateException("chunk", translated(lockWait))))
			.isEqualTo("lock_wait_timeout");
	}

	@Test
	void lostConnectionsBadDataAndOtherErrorsAreNot() {
		assertThat(TransientErrors.kind(translated(new SQLException("Communications link failure", "08S01", 0))))
			.isNull();
		assertThat(TransientErrors.kind(new SQLException("Connection was killed", "70100", 1927))).isNull();
		assertThat(TransientErrors.kind(translated(new SQLException("Duplicate entry", "23000", 1062)))).isNull();
		assertThat(TransientErrors.kind(new IllegalArgumentException("bad row"))).isNull();
	}

	@Test
	void aWriteThatDeadlocksTwiceIsRetriedAndEachRetryIsCounted() throws RetryException {
		AtomicInteger attempts = new AtomicInteger();

		String result = template().execute(write(() -> {
			if (attempts.incrementAndGet() <= 2) {
				throw translated(new SQLTransactionRollbackException("Deadlock", "40001", 1213));
			}
			return "written";
		}));

		assertThat(result).isEqualTo("written");
		assertThat(attempts).hasValue(3);
		assertThat(count("deadlock", "retried")).isEqualTo(2);
		assertThat(count("deadlock", "exhausted")).isZero();
	}

	@Test
	void aLockThatIsNeverGrantedFailsAfterTheLastRetryAndIsCounted() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> template().execute(write(() -> {
			attempts.incrementAndGet();
			throw translated(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
		}))).withRootCauseInstanceOf(SQLException.class);

		assertThat(attempts).hasValue(4);
		assertThat(count("lock_wait_timeout", "retried")).isEqualTo(3);
		assertThat(count("lock_wait_timeout", "exhausted")).isEqualTo(1);
	}

	@Test
	void anyOtherErrorIsNotRetriedNorCounted() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> template().execute(write(() -> {
			attempts.incrementAndGet();
			throw translated(new SQLException("Data too long for column", "22001", 1406));
		})));

		assertThat(attempts).hasValue(1);
		assertThat(this.registry.find("batch.transient.errors").counters()).isEmpty();
	}

	private RetryTemplate template() {
		RetryTemplate template = new RetryTemplate(this.transientErrors.policy());
		template.setRetryListener(this.transientErrors);
		return template;
	}

	private double count(String kind, String outcome) {
		var counter = this.registry.find("batch.transient.errors").tag("error", kind).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static DataAccessException translated(SQLException error) {
		return new SQLErrorCodeSQLExceptionTranslator("MySQL").translate("write", "LOAD DATA", error);
	}

	private static Retryable<String> write(Attempt attempt) {
		return new Retryable<>() {

			@Override
			public String execute() {
				return attempt.run();
			}

			@Override
			public String getName() {
				return "Retryable write operation";
			}

		};
	}

	private interface Attempt {

		String run();

	}

}
