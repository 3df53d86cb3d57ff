package batch.partition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Remote partitioning over Redis: the queue both sides use, the worker and its threads, and Redis
 * in the health endpoint, where the mode is on (the check that Redis answers before a run starts
 * is operations' LaunchChecks).
 */
@Configuration(proxyBeanMethods = false)
class RemotePartitioningConfiguration {

	@Bean
	PartitionQueue partitionQueue(StringRedisTemplate redis, RemoteProperties properties) {
		return new PartitionQueue(redis, properties.namespace());
	}

	// Commands fail at once while Redis is out of reach, instead of queueing until it is back.
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	// The worker's threads, one per partition it runs at once: each a consumer of the streams. Not a
	// default candidate, so that Boot's applicationTaskExecutor stays and nothing else takes these;
	// no thread starts before the worker's start().
	@Bean(defaultCandidate = false)
	ThreadPoolTaskExecutor partitionWorkerThreads(RemoteProperties properties) {
		ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
		threads.setCorePoolSize(properties.effectiveWorkerThreads());
		threads.setMaxPoolSize(properties.effectiveWorkerThreads());
		threads.setThreadNamePrefix("worker-");
		return threads;
	}

	// One thread renews the leases of all the partitions a worker runs: a renewal is one short Redis
	// call every third of a lease. A daemon, as it must never keep a worker alive.
	@Bean(defaultCandidate = false)
	ThreadPoolTaskScheduler leaseRenewalScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("lease-renewal-");
		scheduler.setDaemon(true);
		return scheduler;
	}

	@Bean
	@Lazy
	PartitionWorker partitionWorker(PartitionQueue partitionQueue, JobRepository jobRepository,
			ListableBeanFactory beans, JobRegistry jobRegistry, RemoteProperties properties, MeterRegistry meters,
			@Qualifier("partitionWorkerThreads") ThreadPoolTaskExecutor threads,
			@Qualifier("leaseRenewalScheduler") TaskScheduler renewals) {
		TreeSet<String> jobs = new TreeSet<>(jobRegistry.getJobNames());
		if (!properties.jobs().isEmpty()) {
			for (String job : properties.jobs()) {
				if (!jobs.contains(job)) {
					throw new IllegalArgumentException("batch.remote.jobs (BATCH_REMOTE_JOBS): there is no job '" + job
							+ "'; the jobs are " + String.join(", ", jobs));
				}
			}
			jobs.retainAll(properties.jobs());
		}
		WorkerMetrics metrics = new WorkerMetrics(meters, properties);
		metrics.serving(List.copyOf(jobs));
		PartitionRunner runner = new PartitionRunner(partitionQueue, jobRepository, stepsByName(beans),
				new LeaseRenewal(partitionQueue, renewals, properties.lease()), metrics);
		RequestHandler handler = new RequestHandler(partitionQueue, jobRepository,
				new RequestTriage(properties.maxDeliveries()), new Takeover(jobRepository, metrics), runner, metrics);
		return new PartitionWorker(partitionQueue, handler, threads, renewals, properties, List.copyOf(jobs), metrics);
	}

	// The worker steps by their step names, which a request carries ("calculateIllustrationsWorker").
	private static StepLocator stepsByName(ListableBeanFactory beans) {
		return new StepLocator() {

			private Map<String, Step> steps;

			@Override
			public synchronized Step getStep(String stepName) {
				if (this.steps == null) {
					this.steps = new HashMap<>();
					beans.getBeansOfType(Step.class).values().forEach((step) -> this.steps.put(step.getName(), step));
				}
				Step step = this.steps.get(stepName);
				if (step == null) {
					throw new IllegalStateException("this worker has no step " + stepName
							+ ": is it an older version than the manager?");
				}
				return step;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = Partitioning.PROPERTY, havingValue = "remote")
	static class WhenRemote {

		@Bean
		DataRedisHealthIndicator redisHealthIndicator(RedisConnectionFactory connectionFactory) {
			return new DataRedisHealthIndicator(connectionFactory);
		}

		// the jobs, not the registry, which is filled only once every singleton exists
		@Bean
		RemoteQueues remoteQueues(PartitionQueue partitionQueue, RemoteProperties properties, List<Job> jobs) {
			return new RemoteQueues(partitionQueue, properties,
					List.copyOf(new TreeSet<>(jobs.stream().map(Job::getName).toList())));
		}

		@Bean
		QueueMetrics queueMetrics(RemoteQueues remoteQueues) {
			return new QueueMetrics(remoteQueues);
		}

	}

}
