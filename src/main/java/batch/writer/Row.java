package batch.writer;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A row's values, given in the order of its table's columns, for whichever way the row is sent:
 * bound to a prepared statement, or formatted as a line of a {@code LOAD DATA} file. A null
 * decimal, text or date is SQL NULL.
 */
interface Row {

	void add(long value) throws SQLException;

	void add(String value) throws SQLException;

	void add(BigDecimal value) throws SQLException;

	void add(LocalDate value) throws SQLException;

}
