package batch.operations;

import batch.partition.PartitionQueue;
import batch.partition.Partitioning;
import batch.privacy.DevelopmentKeys;
import batch.shared.RootCause;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;

/**
 * What a run needs besides its database, checked before it is started or restarted: real
 * personal-data keys outside a first run on the embedded database, and Redis in remote mode.
 */
@Configuration(proxyBeanMethods = false)
class LaunchChecks {

	// a run on a production database, whatever it holds: its hashes would be of public keys
	@Bean
	LaunchCheck realPersonalDataKeys(DevelopmentKeys developmentKeys) {
		return (jobName) -> {
			if (developmentKeys.needed()) {
				try {
					developmentKeys.refuseOutsideDevelopment();
				}
				catch (IllegalStateException ex) {
					throw new OperationRefusedException(Refusal.UNAVAILABLE, ex.getMessage());
				}
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = Partitioning.PROPERTY, havingValue = "remote")
	LaunchCheck redisReachable(PartitionQueue partitionQueue, DataRedisProperties redis) {
		return (jobName) -> {
			try {
				partitionQueue.ping();
				partitionQueue.prepare(jobName);
			}
			catch (DataAccessException ex) {
				throw new OperationRefusedException(Refusal.UNAVAILABLE, "Redis at "
						+ ((redis.getUrl() != null) ? "SPRING_DATA_REDIS_URL" : redis.getHost() + ":" + redis.getPort())
						+ " cannot be reached, and remote partitioning (BATCH_PARTITIONING=remote)"
						+ " needs it: start it, or check SPRING_DATA_REDIS_HOST and _PORT; nothing was started ("
						+ RootCause.message(ex) + ")");
			}
		};
	}

}
