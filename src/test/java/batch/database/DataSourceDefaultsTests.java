package batch.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The database a MySQL URL names is created by the driver on first use: only a plain name passes.
 */
class DataSourceDefaultsTests {

	@Test
	void aPlainDatabaseNameOrNoneIsAccepted() {
		for (String url : new String[] { "jdbc:mysql://127.0.0.1:3306/batch", "jdbc:mysql://db:3306/batch_prod-2?x=1",
				"jdbc:mysql://127.0.0.1:3306", "jdbc:mysql://127.0.0.1:3306/", "jdbc:mariadb://h1,h2/batch$1;a=b",
				"jdbc:mysql:loadbalance://h1:3306,h2:3306/batch" }) {
			assertThatCode(() -> DataSourceDefaults.checkDatabaseName(url)).as(url).doesNotThrowAnyException();
		}
	}

	@Test
	void aDatabaseNameThatWouldNeedQuotingIsRefusedWithoutRepeatingTheUrl() {
		for (String url : new String[] { "jdbc:mysql://127.0.0.1:3306/batch`;DROP DATABASE mysql;--",
				"jdbc:mysql://127.0.0.1:3306/bat ch", "jdbc:mysql://127.0.0.1:3306/batch'", "jdbc:mysql://h/b%60c",
				"jdbc:mysql://h/" + "b".repeat(65) + "?password=secret" }) {
			assertThatIllegalStateException().as(url)
				.isThrownBy(() -> DataSourceDefaults.checkDatabaseName(url))
				.withMessageContaining("spring.datasource.url")
				.withMessageNotContaining("secret")
				.withMessageNotContaining("DROP");
		}
	}

}
