package batch.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Settings every MySQL or MariaDB connection needs, whatever URL the operator gives: batched
 * statements rewritten into multi-row inserts (the bulk upserts depend on it), the database
 * created on first use, and the user {@code root} when none is configured, as on a fresh local
 * server. Local files for {@code LOAD DATA LOCAL INFILE} may be read from the application's spool
 * directory only.
 */
@Component
class DataSourceDefaults implements BeanPostProcessor {

	// looked up when the data source is made, not with this post-processor, which comes first
	private final ObjectProvider<LoadDataSpool> spool;

	DataSourceDefaults(ObjectProvider<LoadDataSpool> spool) {
		this.spool = spool;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && isMySql(hikari.getJdbcUrl())) {
			hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
			hikari.addDataSourceProperty("createDatabaseIfNotExist", "true");
			hikari.addDataSourceProperty("cachePrepStmts", "true");
			hikari.addDataSourceProperty("prepStmtCacheSize", "64");
			hikari.addDataSourceProperty("allowLoadLocalInfileInPath", this.spool.getObject().directory().toString());
			if (hikari.getUsername() == null || hikari.getUsername().isEmpty()) {
				hikari.setUsername("root");
			}
		}
		return bean;
	}

	static boolean isMySql(String url) {
		return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
	}

}
