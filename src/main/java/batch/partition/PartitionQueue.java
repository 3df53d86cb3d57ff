package batch.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The partitions waiting for workers, one Redis stream per namespace and job
 * ({@code batch:<namespace>:<job>:partitions}) read by one consumer group, {@code workers}.
 * <p>
 * A stream with a consumer group is a reliable queue: an entry a worker reads stays pending,
 * owned by that worker, until it is acknowledged when the partition has ended. A worker renews
 * its ownership while it runs the partition (the entry's idle time is its lease); an entry idle
 * longer than the lease belongs to a worker that died, before or after it started the partition,
 * and another worker claims it. Nothing is lost between a read and the start of the work.
 * <p>
 * Workers also say that they listen: each renews its entry in a sorted set per namespace
 * ({@code batch:<namespace>:workers}, scored by when it was last seen) every third of a lease,
 * with its details in a hash that expires by itself. An idle worker leaves no other trace in
 * Redis, and a consumer of the group stays listed long after its process died, so neither the
 * streams nor the group can say who is listening.
 */
public class PartitionQueue {

	static final String GROUP = "workers";

	// The oldest entry idle for at least ARGV[3] ms, claimed for ARGV[2]: its id, the number of
	// times it has now been delivered, its previous owner, then its fields. XCLAIM with the same
	// minimum idle time is the fence: of two claimants, only the first gets it.
	private static final RedisScript<List> RECLAIM = new DefaultRedisScript<>("""
			local pending = redis.call('XPENDING', KEYS[1], ARGV[1], 'IDLE', tonumber(ARGV[3]), '-', '+', 1)
			if #pending == 0 then return {} end
			local id = pending[1][1]
			local claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[3]), id)
			if #claimed == 0 then return {} end
			local entry = claimed[1]
			if not entry or not entry[2] then
			  redis.call('XACK', KEYS[1], ARGV[1], id)
			  return {}
			end
			local result = {id, tostring(pending[1][4] + 1), pending[1][2]}
			for _, value in ipairs(entry[2]) do table.insert(result, value) end
			return result
			""", List.class);

	// Resets the idle time of entry ARGV[3] if ARGV[2] still owns it: 1 if it did, 0 if another
	// worker has claimed it.
	private static final RedisScript<Long> RENEW = new DefaultRedisScript<>("""
			local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
			if #pending == 1 and pending[1][2] == ARGV[2] then
			  redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
			  return 1
			end
			return 0
			""", Long.class);

	// Acknowledges and deletes entry ARGV[3] if ARGV[2] owns it: 1 if it did. A worker whose lease
	// lapsed must not remove the entry that now carries another worker's lease.
	private static final RedisScript<Long> FINISH = new DefaultRedisScript<>("""
			local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
			if #pending == 1 and pending[1][2] == ARGV[2] then
			  redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
			  redis.call('XDEL', KEYS[1], ARGV[3])
			  return 1
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String namespace;

	public PartitionQueue(StringRedisTemplate redis, String namespace) {
		this.redis = redis;
		this.namespace = namespace;
	}

	/** The stream of a job's partitions in this namespace. */
	public String key(String jobName) {
		return "batch:" + this.namespace + ":" + jobName + ":partitions";
	}

	/** The sorted set of the workers of this namespace, by when each was last seen. */
	String workersKey() {
		return "batch:" + this.namespace + ":workers";
	}

	private String workerKey(String worker) {
		return workersKey() + ":" + worker;
	}

	/**
	 * Says that {@code worker} listens, as of {@code nowMillis}, with its details, which expire
	 * after {@code ttl} unless said again.
	 */
	void announce(String worker, Map<String, String> details, long nowMillis, Duration ttl) {
		this.redis.opsForZSet().add(workersKey(), worker, nowMillis);
		this.redis.opsForHash().putAll(workerKey(worker), details);
		this.redis.expire(workerKey(worker), ttl);
	}

	/** Says that {@code worker} no longer listens. */
	void leave(String worker) {
		this.redis.opsForZSet().remove(workersKey(), worker);
		this.redis.delete(workerKey(worker));
	}

	/**
	 * The workers seen since {@code sinceMillis}, the most recently seen first; those seen before
	 * are forgotten.
	 */
	public List<Worker> listening(long sinceMillis) {
		this.redis.opsForZSet().removeRangeByScore(workersKey(), Double.NEGATIVE_INFINITY, sinceMillis - 1);
		Set<TypedTuple<String>> seen = this.redis.opsForZSet().reverseRangeWithScores(workersKey(), 0, -1);
		List<Worker> workers = new ArrayList<>();
		for (TypedTuple<String> worker : (seen == null) ? Set.<TypedTuple<String>>of() : seen) {
			Map<Object, Object> details = this.redis.opsForHash().entries(workerKey(worker.getValue()));
			Map<String, String> strings = new LinkedHashMap<>();
			details.forEach((name, value) -> strings.put(String.valueOf(name), String.valueOf(value)));
			workers.add(new Worker(worker.getValue(), worker.getScore().longValue(), strings));
		}
		return workers;
	}

	/** The partitions of a job queued and not taken by any worker yet. */
	public long waiting(String jobName) {
		Long entries = this.redis.opsForStream().size(key(jobName));
		if (entries == null || entries == 0) {
			return 0;
		}
		return Math.max(0, entries - held(jobName));
	}

	private long held(String jobName) {
		try {
			PendingMessagesSummary summary = this.redis.opsForStream().pending(key(jobName), GROUP);
			return (summary == null) ? 0 : summary.getTotalPendingMessages();
		}
		catch (DataAccessException ex) {
			if (mentions(ex, "NOGROUP")) {
				return 0;
			}
			throw ex;
		}
	}

	/** The partitions of a job that workers hold now, the longest unrenewed first. */
	public List<Held> holdings(String jobName) {
		PendingMessages pending;
		try {
			pending = this.redis.opsForStream().pending(key(jobName), GROUP, Range.unbounded(), 1000);
		}
		catch (DataAccessException ex) {
			if (mentions(ex, "NOGROUP")) {
				return List.of();
			}
			throw ex;
		}
		List<Held> held = new ArrayList<>();
		for (PendingMessage message : pending) {
			String id = message.getIdAsString();
			List<MapRecord<String, Object, Object>> entry = this.redis.opsForStream()
				.range(key(jobName), Range.closed(id, id));
			PartitionRequest request = entry.isEmpty() ? null : PartitionRequest.of(entry.get(0).getValue());
			held.add(new Held(jobName, id, message.getConsumerName(), message.getElapsedTimeSinceLastDelivery(),
					message.getTotalDeliveryCount(), (request == null) ? null : request.jobExecutionId(),
					(request == null) ? null : request.partition()));
		}
		held.sort((a, b) -> b.sinceRenewal().compareTo(a.sinceRenewal()));
		return held;
	}

	/** Fails unless Redis answers. */
	public void ping() {
		this.redis.execute((org.springframework.data.redis.core.RedisCallback<String>) (connection) -> connection.ping());
	}

	/** Creates the job's stream and consumer group unless they exist. */
	public void prepare(String jobName) {
		try {
			this.redis.opsForStream().createGroup(key(jobName), ReadOffset.from("0"), GROUP);
		}
		catch (DataAccessException ex) {
			if (!mentions(ex, "BUSYGROUP")) {
				throw ex;
			}
		}
	}

	/** Queues a partition; returns the entry's id. */
	String send(String jobName, PartitionRequest request) {
		MapRecord<String, String, String> record = StreamRecords.newRecord()
			.in(key(jobName))
			.ofMap(request.fields());
		RecordId id = this.redis.opsForStream().add(record);
		return id.getValue();
	}

	/** Whether the entry is still in the stream: queued, or taken and not yet done. */
	boolean contains(String jobName, String id) {
		return !this.redis.opsForStream().range(key(jobName), Range.closed(id, id)).isEmpty();
	}

	/** Takes the next partition nobody has taken, for {@code consumer}; null if there is none. */
	Delivery take(String jobName, String consumer) {
		List<MapRecord<String, Object, Object>> records;
		try {
			records = this.redis.opsForStream()
				.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(1),
						StreamOffset.create(key(jobName), ReadOffset.lastConsumed()));
		}
		catch (DataAccessException ex) {
			if (mentions(ex, "NOGROUP")) {
				// a new Redis, or one that lost its data: nothing is queued
				prepare(jobName);
				return null;
			}
			throw ex;
		}
		if (records == null || records.isEmpty()) {
			return null;
		}
		MapRecord<String, Object, Object> record = records.get(0);
		return new Delivery(jobName, record.getId().getValue(), PartitionRequest.of(record.getValue()), 1, null);
	}

	/**
	 * Claims for {@code consumer} a partition whose owner has not renewed it for {@code lease};
	 * null if there is none.
	 */
	Delivery reclaim(String jobName, String consumer, Duration lease) {
		List<?> result;
		try {
			result = this.redis.execute(RECLAIM, List.of(key(jobName)), GROUP, consumer,
					Long.toString(lease.toMillis()));
		}
		catch (DataAccessException ex) {
			if (mentions(ex, "NOGROUP")) {
				prepare(jobName);
				return null;
			}
			throw ex;
		}
		if (result == null || result.size() < 3) {
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 3; i + 1 < result.size(); i += 2) {
			fields.put(String.valueOf(result.get(i)), String.valueOf(result.get(i + 1)));
		}
		return new Delivery(jobName, String.valueOf(result.get(0)), PartitionRequest.of(fields),
				Long.parseLong(String.valueOf(result.get(1))), String.valueOf(result.get(2)));
	}

	/** Renews {@code consumer}'s lease of an entry: false if another worker has claimed it. */
	boolean renew(Delivery delivery, String consumer) {
		Long renewed = this.redis.execute(RENEW, List.of(key(delivery.jobName())), GROUP, consumer, delivery.id());
		return renewed != null && renewed == 1;
	}

	/**
	 * Removes an entry {@code consumer} holds, whose partition has ended or that nobody should run:
	 * false if another worker has claimed it meanwhile (and it stays, with that worker's lease).
	 */
	boolean finish(Delivery delivery, String consumer) {
		Long finished = this.redis.execute(FINISH, List.of(key(delivery.jobName())), GROUP, consumer, delivery.id());
		return finished != null && finished == 1;
	}

	/** The worker that holds an entry now; null if nobody does (done, or gone with Redis's data). */
	String owner(Delivery delivery) {
		PendingMessages pending = this.redis.opsForStream()
			.pending(key(delivery.jobName()), GROUP, Range.closed(delivery.id(), delivery.id()), 1);
		return (pending == null || pending.isEmpty()) ? null : pending.get(0).getConsumerName();
	}

	/** Removes an entry whoever holds it: the manager withdraws a partition nobody should run. */
	void withdraw(String jobName, String id) {
		this.redis.opsForStream().acknowledge(key(jobName), GROUP, id);
		this.redis.opsForStream().delete(key(jobName), id);
	}

	private static boolean mentions(Throwable error, String code) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains(code)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A worker that says it listens.
	 *
	 * @param id its name in the queues ({@code host:pid}); its threads consume as {@code id:n}
	 * @param lastSeenMillis when it last said so, in milliseconds since the epoch by its clock
	 * @param details what it said of itself: {@code host}, {@code pid}, {@code threads},
	 * {@code jobs}, {@code started}; empty once they expired
	 */
	public record Worker(String id, long lastSeenMillis, Map<String, String> details) {

	}

	/**
	 * A partition a worker holds: its consumer, and the time since its lease was last renewed.
	 *
	 * @param jobExecutionId the run's execution; null, as the partition, if the entry is gone
	 * meanwhile or is not a partition request
	 */
	public record Held(String jobName, String entryId, String consumer, Duration sinceRenewal, long deliveries,
			Long jobExecutionId, String partition) {

	}

	/**
	 * An entry a worker has taken.
	 *
	 * @param request null if the entry is not a partition request
	 * @param deliveries how many times the entry has been taken, this time included
	 * @param previousOwner the worker that had it before this one claimed it; null if none
	 */
	record Delivery(String jobName, String id, PartitionRequest request, long deliveries, String previousOwner) {

	}

}
