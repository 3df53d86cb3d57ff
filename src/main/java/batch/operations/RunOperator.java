package batch.operations;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch's job operator for the runs of this process, launching them on the tracked threads
 * of {@link LocalRuns}. Not a bean of type {@code JobOperator}: Spring Boot's own, which launches
 * synchronously, stays for whatever expects it (the tests' JobOperatorTestUtils).
 */
@Component
class RunOperator {

	private final JobOperator operator;

	RunOperator(JobRepository jobRepository, JobRegistry jobRegistry, PlatformTransactionManager transactionManager,
			LocalRuns localRuns) throws Exception {
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(jobRepository);
		factory.setJobRegistry(jobRegistry);
		factory.setTransactionManager(transactionManager);
		factory.setTaskExecutor(localRuns.trackingExecutor());
		factory.afterPropertiesSet();
		this.operator = factory.getObject();
	}

	JobOperator operator() {
		return this.operator;
	}

}
