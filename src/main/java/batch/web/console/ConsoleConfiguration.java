package batch.web.console;

import java.time.ZoneId;

import batch.shared.TablePrefix;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console's parts that are not pages: its queries and its formats. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleConfiguration {

	@Bean
	ConsoleQueries consoleQueries(JdbcTemplate jdbc, TablePrefix tables) {
		return new ConsoleQueries(jdbc, tables);
	}

	@Bean
	ConsoleFormat consoleFormat() {
		return new ConsoleFormat(ZoneId.systemDefault());
	}

}
