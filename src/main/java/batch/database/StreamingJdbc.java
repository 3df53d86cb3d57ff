package batch.database;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * A {@link JdbcTemplate} that streams large results instead of holding them in memory: MySQL's
 * driver streams only with a fetch size of {@link Integer#MIN_VALUE}; other drivers take a
 * positive fetch size.
 */
public final class StreamingJdbc {

	private StreamingJdbc() {
	}

	public static JdbcTemplate template(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(isMySql(dataSource) ? Integer.MIN_VALUE : 1000);
		return template;
	}

	static boolean isMySql(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product.contains("MySQL") || product.contains("MariaDB");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("cannot read the database's metadata: " + ex.getMessage(), ex);
		}
	}

}
