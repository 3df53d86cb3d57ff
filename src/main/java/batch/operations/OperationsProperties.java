package batch.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs are watched and stopped.
 *
 * @param heartbeatInterval how often a process records that its runs are alive; a run whose
 * last heartbeat is older than three intervals is taken for dead by {@code recover}
 * @param stopGracePeriod on SIGTERM, how long to wait for the chunks in flight to commit before
 * the process exits anyway (keep it below the container's termination grace period)
 * @param progressInterval how often a run started from the command line prints a progress line
 * when its output is not a terminal
 */
@ConfigurationProperties("batch.operations")
public record OperationsProperties(@DefaultValue("10s") Duration heartbeatInterval,
		@DefaultValue("25s") Duration stopGracePeriod, @DefaultValue("30s") Duration progressInterval) {

}
