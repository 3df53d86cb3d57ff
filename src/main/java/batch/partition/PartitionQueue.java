package batch.partition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
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
	 * An entry a worker has taken.
	 *
	 * @param request null if the entry is not a partition request
	 * @param deliveries how many times the entry has been taken, this time included
	 * @param previousOwner the worker that had it before this one claimed it; null if none
	 */
	record Delivery(String jobName, String id, PartitionRequest request, long deliveries, String previousOwner) {

	}

}
