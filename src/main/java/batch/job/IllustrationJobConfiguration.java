package batch.job;

import batch.domain.illustration.Illustration;
import batch.domain.illustration.Policy;
import batch.partition.Partitioning;
import batch.partition.KeyRangePartitioner;
import batch.processor.IllustrationProcessor;
import batch.processor.ImportedPolicy;
import batch.processor.Prepared;
import batch.processor.ProcessingAhead;
import batch.reader.CsvRecord;
import batch.writer.IllustrationExportTasklet;
import batch.writer.IllustrationWriter;
import batch.writer.RejectRecorder;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * illustrationJob: import a policies file (or take the whole book), calculate the illustrations
 * in partitions by policy id range, and export them when asked.
 */
@Configuration(proxyBeanMethods = false)
class IllustrationJobConfiguration {

	@Bean
	IllustrationJobParameters illustrationJobParameters() {
		return new IllustrationJobParameters();
	}

	@Bean
	Job illustrationJob(IllustrationJobParameters illustrationJobParameters, JobRepository jobRepository,
			Step importPoliciesStep, Step calculateIllustrationsManagerStep, Step exportIllustrationsStep) {
		JobExecutionDecider inputGiven = Steps.whetherGiven(IllustrationJobParameters.INPUT);
		JobExecutionDecider exportAsked = Steps.whetherGiven(IllustrationJobParameters.EXPORT_DIR);
		return new JobBuilder(illustrationJobParameters.jobName(), jobRepository)
			.validator(illustrationJobParameters)
			.listener(UnknownOutcome.INSTANCE)
			.start(inputGiven)
			.on(Steps.GIVEN)
			.to(importPoliciesStep)
			.next(calculateIllustrationsManagerStep)
			.from(inputGiven)
			.on("*")
			.to(calculateIllustrationsManagerStep)
			.from(calculateIllustrationsManagerStep)
			.next(exportAsked)
			.on(Steps.GIVEN)
			.to(exportIllustrationsStep)
			.from(exportAsked)
			.on("*")
			.end()
			.end()
			.build();
	}

	@Bean
	Step importPoliciesStep(ChunkSteps chunkSteps, ProcessingAhead<CsvRecord, ImportedPolicy> policyImportAhead,
			ItemWriter<ImportedPolicy> policyWriter,
			RejectRecorder<Prepared<CsvRecord, ImportedPolicy>, ImportedPolicy> policyRejectRecorder) {
		return chunkSteps.rejecting("importPolicies", policyImportAhead, Prepared::result, policyWriter,
				policyRejectRecorder);
	}

	@Bean
	Step calculateIllustrationsManagerStep(JobRepository jobRepository, Partitioning partitioning,
			KeyRangePartitioner policyRangePartitioner, Step calculateIllustrationsWorkerStep) {
		return Steps.partitioned("calculateIllustrations", jobRepository, policyRangePartitioner, calculateIllustrationsWorkerStep, partitioning);
	}

	@Bean
	Step calculateIllustrationsWorkerStep(ChunkSteps chunkSteps, JdbcPagingItemReader<Policy> policyTableReader,
			IllustrationProcessor illustrationProcessor, IllustrationWriter illustrationWriter) {
		return chunkSteps.<Policy, Illustration>step("calculateIllustrationsWorker", policyTableReader,
				illustrationProcessor, illustrationWriter);
	}

	@Bean
	Step exportIllustrationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IllustrationExportTasklet illustrationExportTasklet) {
		return new StepBuilder("exportIllustrations", jobRepository)
			.tasklet(illustrationExportTasklet, transactionManager)
			.build();
	}

}
