package batch.cli;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * An H2 trigger that refuses one policy's rows, to make a run fail part-way on the embedded
 * database as a database error would.
 */
public class FailingTrigger implements Trigger {

	static volatile long refusedPolicyId;

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		if (newRow != null && ((Number) newRow[0]).longValue() == refusedPolicyId) {
			throw new SQLException("injected failure");
		}
	}

}
