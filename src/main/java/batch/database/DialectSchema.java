package batch.database;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The tables whose definition differs by database, created beside Boot's {@code schema.sql} from
 * {@code db/schema-<platform>.sql}: {@code mysql} for MySQL and MariaDB, {@code h2} for the embedded
 * default. Boot's own initializer takes one list of scripts for every database; a second
 * initializer is the way it offers to add one (every bean that needs the schema waits for both).
 */
@Configuration(proxyBeanMethods = false)
class DialectSchema {

	@Bean
	DataSourceScriptDatabaseInitializer dialectSchemaInitializer(DataSource dataSource, Environment environment) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver()
			.withDriverPlatform(DatabaseDriver.MARIADB, "mysql")
			.resolveAll(dataSource, "classpath:db/schema-@@platform@@.sql"));
		// as Boot's own: an operator who sets spring.sql.init.mode=never creates the tables himself
		settings.setMode(environment.getProperty("spring.sql.init.mode", DatabaseInitializationMode.class,
				DatabaseInitializationMode.EMBEDDED));
		return new DataSourceScriptDatabaseInitializer(dataSource, settings);
	}

}
