package batch.writer;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import batch.database.StreamingJdbc;
import batch.processor.ImportedPolicy;
import batch.reader.CsvRecord;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The illustration job's writers: policy upserts, illustration upserts, reject records and the
 * CSV export.
 */
@Configuration(proxyBeanMethods = false)
class IllustrationWriterConfiguration {

	static final String POLICY_UPSERT = Upsert.sql("policy", List.of("policy_id"),
			List.of("product_code", "holder_name_hash", "mobile_hash", "dob_encrypted", "pii_key_id", "gender",
					"commencement_date", "entry_age", "sum_assured", "modal_premium", "premium_frequency",
					"policy_term", "premium_paying_term", "source_line", "job_execution_id"));

	static final String RUN_POLICY_INSERT = "INSERT INTO run_policy (job_instance_id, policy_id) VALUES (?, ?)"
			+ " ON DUPLICATE KEY UPDATE policy_id = VALUES(policy_id)";

	// The policy row and the run's claim on it, in the same chunk transaction.
	@Bean
	@StepScope
	CompositeItemWriter<ImportedPolicy> policyWriter(DataSource dataSource,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		JdbcBatchItemWriter<ImportedPolicy> runPolicies = new JdbcBatchItemWriterBuilder<ImportedPolicy>()
			.dataSource(dataSource)
			.sql(RUN_POLICY_INSERT)
			.assertUpdates(false)
			.itemPreparedStatementSetter((imported, ps) -> {
				ps.setLong(1, jobInstanceId);
				ps.setLong(2, imported.policy().policyId());
			})
			.build();
		return new CompositeItemWriter<>(List.of(policies(dataSource, jobExecutionId), runPolicies));
	}

	private static JdbcBatchItemWriter<ImportedPolicy> policies(DataSource dataSource, long jobExecutionId) {
		return new JdbcBatchItemWriterBuilder<ImportedPolicy>().dataSource(dataSource)
			.sql(POLICY_UPSERT)
			.assertUpdates(false)
			.itemPreparedStatementSetter((imported, ps) -> {
				var policy = imported.policy();
				ps.setLong(1, policy.policyId());
				ps.setString(2, policy.product().name());
				ps.setString(3, imported.holderNameHash());
				ps.setString(4, imported.mobileHash());
				ps.setString(5, imported.encryptedDateOfBirth());
				ps.setString(6, imported.keyId());
				ps.setString(7, policy.gender().name());
				ps.setObject(8, imported.commencementDate());
				ps.setInt(9, policy.entryAge());
				ps.setBigDecimal(10, policy.sumAssured());
				ps.setBigDecimal(11, policy.modalPremium());
				ps.setString(12, policy.frequency().name());
				ps.setInt(13, policy.term());
				ps.setInt(14, policy.premiumPayingTerm());
				ps.setLong(15, imported.sourceLine());
				ps.setLong(16, jobExecutionId);
			})
			.build();
	}

	@Bean
	@StepScope
	IllustrationWriter illustrationWriter(JdbcTemplate jdbcTemplate, WriteMetrics metrics,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new IllustrationWriter(jdbcTemplate, jobExecutionId, metrics);
	}

	@Bean
	@StepScope
	RejectRecorder<CsvRecord, ImportedPolicy> policyRejectRecorder(JdbcTemplate jdbcTemplate, WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.POLICIES,
				CsvRecord::lineNumber, CsvRecord::firstField);
	}

	@Bean
	@StepScope
	IllustrationExportTasklet illustrationExportTasklet(DataSource dataSource,
			@Value("#{jobParameters['exportDir']}") String exportDir,
			@Value("#{jobParameters['input']}") String input,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new IllustrationExportTasklet(StreamingJdbc.template(dataSource), Path.of(exportDir), jobInstanceId,
				input == null);
	}

}
