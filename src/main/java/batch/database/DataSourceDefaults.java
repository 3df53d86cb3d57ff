package batch.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Settings every MySQL or MariaDB connection needs, whatever URL the operator gives: batched
 * statements rewritten into multi-row inserts (the bulk upserts depend on it), the database
 * created on first use, and the user {@code root} when none is configured, as on a fresh local
 * server. Local files for {@code LOAD DATA LOCAL INFILE} may be read from the application's spool
 * directory only. On MariaDB, times are sent with their fractional seconds
 * ({@link MariaDbFractionalSeconds}). The database the URL names goes into the driver's
 * {@code CREATE DATABASE}, so it must be a plain name.
 */
@Component
class DataSourceDefaults implements BeanPostProcessor {

	// the database of jdbc:mysql://host:port,host2/<database>?settings
	private static final Pattern DATABASE = Pattern.compile("^jdbc:(?:mysql|mariadb):(?:[a-z:+]*)//[^/?]*/?([^?;]*)");

	// an identifier that needs no quoting but for the hyphen, which the driver quotes
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_$-]{1,64}");

	// looked up when the data source is made, not with this post-processor, which comes first
	private final ObjectProvider<LoadDataSpool> spool;

	DataSourceDefaults(ObjectProvider<LoadDataSpool> spool) {
		this.spool = spool;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && isMySql(hikari.getJdbcUrl())) {
			checkDatabaseName(hikari.getJdbcUrl());
			hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
			hikari.addDataSourceProperty("createDatabaseIfNotExist", "true");
			hikari.addDataSourceProperty("cachePrepStmts", "true");
			hikari.addDataSourceProperty("prepStmtCacheSize", "64");
			hikari.addDataSourceProperty("allowLoadLocalInfileInPath", this.spool.getObject().directory().toString());
			hikari.addDataSourceProperty("connectionLifecycleInterceptors", MariaDbFractionalSeconds.class.getName());
			if (hikari.getUsername() == null || hikari.getUsername().isEmpty()) {
				hikari.setUsername("root");
			}
		}
		return bean;
	}

	/** Refuses a URL whose database name is anything but letters, digits, _, $ and -. */
	static void checkDatabaseName(String url) {
		Matcher database = DATABASE.matcher(url);
		if (database.find() && !database.group(1).isEmpty() && !PLAIN_NAME.matcher(database.group(1)).matches()) {
			// the URL is not repeated: it may carry a password
			throw new IllegalStateException("the database name in spring.datasource.url must be at most 64 letters, "
					+ "digits, _, $ or -");
		}
	}

	static boolean isMySql(String url) {
		return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
	}

}
