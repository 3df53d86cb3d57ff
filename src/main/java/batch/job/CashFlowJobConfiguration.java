package batch.job;

import batch.domain.cashflow.MarketDataRow;
import batch.partition.KeyRangePartitioner;
import batch.partition.Partitioning;
import batch.processor.CashFlowProcessor;
import batch.processor.ImportedContract;
import batch.processor.Prepared;
import batch.processor.ProcessingAhead;
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
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * cashFlowJob: import the rate observations, the yield curves, the contracts and (when given) the
 * observed events, project and value every contract in partitions by line range, and export when
 * asked.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowJobConfiguration {

	@Bean
	CashFlowJobParameters cashFlowJobParameters(ActusDictionary dictionary) {
		return new CashFlowJobParameters(dictionary);
	}

	@Bean
	Job cashFlowJob(CashFlowJobParameters cashFlowJobParameters, JobRepository jobRepository,
			Step importObservationsStep, Step importCurvesStep, Step importContractsStep, Step importEventsStep,
			Step projectCashFlowsManagerStep, Step exportCashFlowsStep) {
		JobExecutionDecider eventsGiven = Steps.whetherGiven(CashFlowJobParameters.EVENTS);
		JobExecutionDecider exportAsked = Steps.whetherGiven(CashFlowJobParameters.EXPORT_DIR);
		return new JobBuilder(cashFlowJobParameters.jobName(), jobRepository).validator(cashFlowJobParameters)
			.listener(UnknownOutcome.INSTANCE)
			.start(importObservationsStep)
			.next(importCurvesStep)
			.next(importContractsStep)
			.next(eventsGiven)
			.on(Steps.GIVEN)
			.to(importEventsStep)
			.next(projectCashFlowsManagerStep)
			.from(eventsGiven)
			.on("*")
			.to(projectCashFlowsManagerStep)
			.from(projectCashFlowsManagerStep)
			.next(exportAsked)
			.on(Steps.GIVEN)
			.to(exportCashFlowsStep)
			.from(exportAsked)
			.on("*")
			.end()
			.end()
			.build();
	}

	@Bean
	Step importObservationsStep(ChunkSteps chunkSteps, CsvItemReader observationCsvReader,
			ItemProcessor<CsvRecord, MarketDataRow.Observation> observationProcessor,
			JdbcBatchItemWriter<MarketDataRow.Observation> observationWriter,
			RejectRecorder<CsvRecord, MarketDataRow.Observation> observationRejectRecorder) {
		return chunkSteps.rejecting("importObservations", observationCsvReader, observationProcessor, observationWriter, observationRejectRecorder);
	}

	@Bean
	Step importCurvesStep(ChunkSteps chunkSteps, CsvItemReader curveCsvReader,
			ItemProcessor<CsvRecord, MarketDataRow.CurvePoint> curvePointProcessor,
			JdbcBatchItemWriter<MarketDataRow.CurvePoint> curveWriter,
			RejectRecorder<CsvRecord, MarketDataRow.CurvePoint> curveRejectRecorder) {
		return chunkSteps.rejecting("importCurves", curveCsvReader, curvePointProcessor, curveWriter, curveRejectRecorder);
	}

	@Bean
	Step importContractsStep(ChunkSteps chunkSteps, ProcessingAhead<CsvRecord, ImportedContract> contractImportAhead,
			ItemWriter<ImportedContract> contractWriter,
			RejectRecorder<Prepared<CsvRecord, ImportedContract>, ImportedContract> contractRejectRecorder) {
		return chunkSteps.rejecting("importContracts", contractImportAhead, Prepared::result, contractWriter,
				contractRejectRecorder);
	}

	// After the contracts: an event of a contract the run did not import is rejected.
	@Bean
	Step importEventsStep(ChunkSteps chunkSteps, CsvItemReader eventCsvReader,
			ItemProcessor<CsvRecord, MarketDataRow.ObservedEvent> observedEventProcessor,
			JdbcBatchItemWriter<MarketDataRow.ObservedEvent> observedEventWriter,
			RejectRecorder<CsvRecord, MarketDataRow.ObservedEvent> eventRejectRecorder) {
		return chunkSteps.rejecting("importEvents", eventCsvReader, observedEventProcessor, observedEventWriter,
				eventRejectRecorder);
	}

	@Bean
	Step projectCashFlowsManagerStep(JobRepository jobRepository, Partitioning partitioning,
			KeyRangePartitioner contractRangePartitioner, Step projectCashFlowsWorkerStep) {
		return Steps.partitioned("projectCashFlows", jobRepository, contractRangePartitioner, projectCashFlowsWorkerStep, partitioning);
	}

	// A contract that needs market data the run does not have is rejected, and the run goes on.
	@Bean
	Step projectCashFlowsWorkerStep(ChunkSteps chunkSteps, JdbcPagingItemReader<StagedContract> stagedContractReader,
			CashFlowProcessor cashFlowProcessor, CashFlowWriter cashFlowWriter,
			RejectRecorder<StagedContract, ProjectedContract> projectionRejectRecorder) {
		return chunkSteps.rejecting("projectCashFlowsWorker", stagedContractReader, cashFlowProcessor, cashFlowWriter, projectionRejectRecorder);
	}

	@Bean
	Step exportCashFlowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CashFlowExportTasklet cashFlowExportTasklet) {
		return new StepBuilder("exportCashFlows", jobRepository).tasklet(cashFlowExportTasklet, transactionManager)
			.build();
	}

}
