package batch.writer;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import batch.database.StreamingJdbc;
import batch.processor.ImportedPolicy;
import batch.processor.Prepared;
import batch.reader.CsvRecord;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The illustration job's writers: policy upserts, illustration upserts, reject records and the
 * CSV export.
 */
@Configuration(proxyBeanMethods = false)
class IllustrationWriterConfiguration {

	static final List<String> POLICY_COLUMNS = List.of("product_code", "holder_name_hash", "mobile_hash",
			"dob_encrypted", "pii_key_id", "gender", "commencement_date", "entry_age", "sum_assured", "modal_premium",
			"premium_frequency", "policy_term", "premium_paying_term", "source_line", "job_execution_id");

	// The policy row and the run's claim on it, in the same chunk transaction.
	@Bean
	@StepScope
	ItemWriter<ImportedPolicy> policyWriter(BulkWriter bulkWriter,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		Upsert<ImportedPolicy> policies = new Upsert<>("policy", List.of("policy_id"), POLICY_COLUMNS,
				(imported, row) -> {
					var policy = imported.policy();
					row.add(policy.policyId());
					row.add(policy.product().name());
					row.add(imported.holderNameHash());
					row.add(imported.mobileHash());
					row.add(imported.encryptedDateOfBirth());
					row.add(imported.keyId());
					row.add(policy.gender().name());
					row.add(imported.commencementDate());
					row.add(policy.entryAge());
					row.add(policy.sumAssured());
					row.add(policy.modalPremium());
					row.add(policy.frequency().name());
					row.add(policy.term());
					row.add(policy.premiumPayingTerm());
					row.add(imported.sourceLine());
					row.add(jobExecutionId);
				});
		Upsert<ImportedPolicy> runPolicies = new Upsert<>("run_policy", List.of("job_instance_id", "policy_id"),
				List.of(), (imported, row) -> {
					row.add(jobInstanceId);
					row.add(imported.policy().policyId());
				});
		return (chunk) -> {
			bulkWriter.upsert(policies, chunk.getItems());
			bulkWriter.upsert(runPolicies, chunk.getItems());
		};
	}

	@Bean
	@StepScope
	IllustrationWriter illustrationWriter(JdbcTemplate jdbcTemplate, BulkWriter bulkWriter, WriteMetrics metrics,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new IllustrationWriter(jdbcTemplate, bulkWriter, jobExecutionId, metrics);
	}

	@Bean
	@StepScope
	RejectRecorder<Prepared<CsvRecord, ImportedPolicy>, ImportedPolicy> policyRejectRecorder(JdbcTemplate jdbcTemplate, WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.POLICIES,
				(prepared) -> prepared.item().lineNumber(), (prepared) -> prepared.item().firstField());
	}

	@Bean
	@StepScope
	IllustrationExportTasklet illustrationExportTasklet(DataSource dataSource,
			@Value("#{jobParameters['exportDir']}") String exportDir,
			@Value("#{jobParameters['input']}") String input,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		IllustrationExportTasklet tasklet = new IllustrationExportTasklet(StreamingJdbc.template(dataSource),
				Path.of(exportDir), jobInstanceId, input == null);
		tasklet.setProgress(new StepProgress(jobRepository, transactionManager, StepProgress.EVERY));
		return tasklet;
	}

}
