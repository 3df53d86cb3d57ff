package batch.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The table prefix goes into statements as it is: only identifiers pass.
 */
class TablePrefixTests {

	@Test
	void anIdentifierWithOrWithoutASchemaNamesTheTables() {
		assertThat(new TablePrefix("BATCH_").table("JOB_EXECUTION")).isEqualTo("BATCH_JOB_EXECUTION");
		assertThat(new TablePrefix("ops.BATCH_").table("JOB_INSTANCE")).isEqualTo("ops.BATCH_JOB_INSTANCE");
		assertThat(new TablePrefix("").table("JOB_INSTANCE")).isEqualTo("JOB_INSTANCE");
	}

	@Test
	void anythingThatCouldEndANameIsRefusedWithoutRepeatingIt() {
		for (String prefix : new String[] { "BATCH_ ", "BATCH_;DROP TABLE policy;--", "x' OR '1'='1", "`BATCH_`",
				"a.b.BATCH_", "BATCH_/*", "BATCH_\n", "1BATCH_", ".BATCH_", "B".repeat(65), null }) {
			assertThatIllegalArgumentException().as(String.valueOf(prefix))
				.isThrownBy(() -> new TablePrefix(prefix))
				.withMessageContaining("spring.batch.jdbc.table-prefix")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("DROP"));
		}
	}

}
