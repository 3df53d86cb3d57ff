package batch.job;

import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.MarketDataRow;
import batch.partition.KeyRangePartitioner;
import batch.partition.PartitionProperties;
import batch.processor.CashFlowProcessor;
import batch.processor.ContractImportProcessor;
import batch.processor.ImportedContract;
import batch.processor.ProjectedContract;
import batch.reader.ActusDictionary;
import batch.reader.CsvItemReader;
import batch.reader.CsvRecord;
import batch.reader.StagedContract;
import batch.writer.CashFlowExportTasklet;
import batch.writer.CashFlowWriter;
import batch.writer.RejectRecorder;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * cashFlowJob: import the rate observations, the yield curves and the contracts, project and
 * value every contract in partitions by line range, and export when asked.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowJobConfiguration {

	private static final String EXPORT = "EXPORT";

	@Bean
	CashFlowJobParameters cashFlowJobParameters(ActusDictionary dictionary) {
		return new CashFlowJobParameters(dictionary);
	}

	@Bean
	Job cashFlowJob(CashFlowJobParameters cashFlowJobParameters, JobRepository jobRepository,
			Step importObservationsStep, Step importCurvesStep, Step importContractsStep,
			Step projectCashFlowsManagerStep, Step exportCashFlowsStep) {
		JobExecutionDecider exportAsked = (jobExecution, stepExecution) -> new FlowExecutionStatus(
				(jobExecution.getJobParameters().getString(CashFlowJobParameters.EXPORT_DIR) != null) ? EXPORT
						: "NO_EXPORT");
		return new JobBuilder(cashFlowJobParameters.jobName(), jobRepository).validator(cashFlowJobParameters)
			.start(importObservationsStep)
			.next(importCurvesStep)
			.next(importContractsStep)
			.next(projectCashFlowsManagerStep)
			.next(exportAsked)
			.on(EXPORT)
			.to(exportCashFlowsStep)
			.from(exportAsked)
			.on("*")
			.end()
			.end()
			.build();
	}

	@Bean
	Step importObservationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StepProperties properties, CsvItemReader observationCsvReader,
			ItemProcessor<CsvRecord, MarketDataRow.Observation> observationProcessor,
			JdbcBatchItemWriter<MarketDataRow.Observation> observationWriter,
			RejectRecorder<CsvRecord, MarketDataRow.Observation> observationRejectRecorder) {
		return new StepBuilder("importObservations", jobRepository)
			.<CsvRecord, MarketDataRow.Observation>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(observationCsvReader)
			.processor(observationProcessor)
			.writer(observationWriter)
			.faultTolerant()
			.skipPolicy((error, skipCount) -> error instanceof ContractRejectedException)
			.listener(observationRejectRecorder)
			.build();
	}

	@Bean
	Step importCurvesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StepProperties properties, CsvItemReader curveCsvReader,
			ItemProcessor<CsvRecord, MarketDataRow.CurvePoint> curvePointProcessor,
			JdbcBatchItemWriter<MarketDataRow.CurvePoint> curveWriter,
			RejectRecorder<CsvRecord, MarketDataRow.CurvePoint> curveRejectRecorder) {
		return new StepBuilder("importCurves", jobRepository)
			.<CsvRecord, MarketDataRow.CurvePoint>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(curveCsvReader)
			.processor(curvePointProcessor)
			.writer(curveWriter)
			.faultTolerant()
			.skipPolicy((error, skipCount) -> error instanceof ContractRejectedException)
			.listener(curveRejectRecorder)
			.build();
	}

	@Bean
	Step importContractsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StepProperties properties, CsvItemReader contractCsvReader,
			ContractImportProcessor contractImportProcessor, JdbcBatchItemWriter<ImportedContract> contractWriter,
			RejectRecorder<CsvRecord, ImportedContract> contractRejectRecorder) {
		return new StepBuilder("importContracts", jobRepository)
			.<CsvRecord, ImportedContract>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(contractCsvReader)
			.processor(contractImportProcessor)
			.writer(contractWriter)
			.faultTolerant()
			.skipPolicy((error, skipCount) -> error instanceof ContractRejectedException)
			.listener(contractRejectRecorder)
			.build();
	}

	@Bean
	Step projectCashFlowsManagerStep(JobRepository jobRepository, PartitionProperties properties,
			KeyRangePartitioner contractRangePartitioner, Step projectCashFlowsWorkerStep,
			TaskExecutor partitionTaskExecutor) {
		return new StepBuilder("projectCashFlows", jobRepository)
			.partitioner(projectCashFlowsWorkerStep.getName(), contractRangePartitioner)
			.step(projectCashFlowsWorkerStep)
			.gridSize(properties.effectiveGridSize())
			.taskExecutor(partitionTaskExecutor)
			.build();
	}

	// A contract that needs market data the run does not have is rejected, and the run goes on.
	@Bean
	Step projectCashFlowsWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StepProperties properties, JdbcPagingItemReader<StagedContract> stagedContractReader,
			CashFlowProcessor cashFlowProcessor, CashFlowWriter cashFlowWriter,
			RejectRecorder<StagedContract, ProjectedContract> projectionRejectRecorder) {
		return new StepBuilder("projectCashFlowsWorker", jobRepository)
			.<StagedContract, ProjectedContract>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(stagedContractReader)
			.processor(cashFlowProcessor)
			.writer(cashFlowWriter)
			.faultTolerant()
			.skipPolicy((error, skipCount) -> error instanceof ContractRejectedException)
			.listener(projectionRejectRecorder)
			.build();
	}

	@Bean
	Step exportCashFlowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CashFlowExportTasklet cashFlowExportTasklet) {
		return new StepBuilder("exportCashFlows", jobRepository).tasklet(cashFlowExportTasklet, transactionManager)
			.build();
	}

}
