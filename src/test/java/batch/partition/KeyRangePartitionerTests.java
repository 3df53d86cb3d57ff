package batch.partition;

import batch.shared.StepKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions cover every policy of the run exactly once, in ranges of about equal size, and there
 * are always as many as the grid asks for.
 */
class KeyRangePartitionerTests {

	private JdbcTemplate jdbc;

	// The embedded database in the application's own mode, with the application's schema.
	@BeforeEach
	void schema() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		new ResourceDatabasePopulator(new ClassPathResource("db/schema.sql"), new ClassPathResource("db/schema-h2.sql"))
			.execute(dataSource);
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@AfterEach
	void shutdown() {
		this.jdbc.execute("SHUTDOWN");
	}

	@Test
	void sparseIdsSplitIntoRangesOfEqualCount() {
		// ids 10, 20, ... 1000 for run 7, and other runs' policies around them
		for (long id = 10; id <= 1000; id += 10) {
			claim(7, id);
		}
		claim(8, 15);
		claim(8, 5000);

		Map<String, ExecutionContext> partitions = KeyRangePartitioner.policies(this.jdbc, 7L).partition(3);

		assertThat(partitions.keySet()).containsExactly("partition0", "partition1", "partition2");
		assertThat(counts(7, partitions)).containsExactly(33L, 33L, 34L);
		assertThat(partitions.values()).extracting((range) -> range.getLong(StepKeys.EXPECTED_ITEMS))
			.containsExactly(33L, 33L, 34L);
		assertThat(covered(7, partitions)).isEqualTo(100);
		assertThat(partitions.get("partition0").getLong(StepKeys.MIN_KEY)).isEqualTo(10);
		assertThat(partitions.get("partition2").getLong(StepKeys.MAX_KEY)).isEqualTo(1000);
	}

	@Test
	void fewerPoliciesThanPartitionsLeavesSomeEmpty() {
		claim(7, 42);

		Map<String, ExecutionContext> partitions = KeyRangePartitioner.policies(this.jdbc, 7L).partition(4);

		assertThat(partitions).hasSize(4);
		assertThat(counts(7, partitions)).containsExactlyInAnyOrder(0L, 0L, 0L, 1L);
		assertThat(partitions.values()).extracting((range) -> range.getLong(StepKeys.EXPECTED_ITEMS))
			.isEqualTo(counts(7, partitions));
		assertThat(KeyRangePartitioner.policies(this.jdbc, 9L).partition(2)).hasSize(2);
		assertThat(counts(9, KeyRangePartitioner.policies(this.jdbc, 9L).partition(2))).containsExactly(0L, 0L);
	}

	@Test
	void namesAreKnownWithoutSplittingAgain() {
		assertThat(KeyRangePartitioner.policies(this.jdbc, 7L).getPartitionNames(3))
			.containsExactly("partition0", "partition1", "partition2");
	}

	private void claim(long run, long policyId) {
		this.jdbc.update("INSERT INTO run_policy (job_instance_id, policy_id) VALUES (?, ?)", run, policyId);
	}

	private List<Long> counts(long run, Map<String, ExecutionContext> partitions) {
		List<Long> counts = new ArrayList<>();
		for (ExecutionContext range : partitions.values()) {
			counts.add(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM run_policy WHERE job_instance_id = ? AND policy_id BETWEEN ? AND ?", Long.class,
					run, range.getLong(StepKeys.MIN_KEY),
					range.getLong(StepKeys.MAX_KEY)));
		}
		return counts;
	}

	private long covered(long run, Map<String, ExecutionContext> partitions) {
		return counts(run, partitions).stream().mapToLong(Long::longValue).sum();
	}

}
