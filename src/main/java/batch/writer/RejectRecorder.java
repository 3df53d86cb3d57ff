package batch.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import batch.domain.Rejection;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records every skipped item in {@code rejected_record} with its line number and reason code. The
 * rows of a chunk are written in one batch by the chunk's writer ({@link #before}), inside the
 * chunk's transaction, so that they commit, roll back and are retried with the chunk; a re-run of
 * the same lines overwrites them.
 *
 * @param <I> the items read
 * @param <O> the items written
 */
public class RejectRecorder<I, O> implements SkipListener<I, O>, ChunkListener<I, O> {

	/** The {@code source} of rows rejected from a policies file. */
	public static final String POLICIES = "policies";

	/** The {@code source} of rows rejected from a contracts file, or contracts not projected. */
	public static final String CONTRACTS = "contracts";

	/** The {@code source} of rows rejected from a rate observations file. */
	public static final String OBSERVATIONS = "observations";

	/** The {@code source} of rows rejected from a yield curves file. */
	public static final String CURVES = "curves";

	/** The {@code source} of rows rejected from an observed events file. */
	public static final String EVENTS = "events";

	static final String UPSERT = Upsert.sql("rejected_record", List.of("job_instance_id", "source", "line_number"),
			List.of("record_key", "reason_code", "message", "job_execution_id"));

	private final JdbcTemplate jdbc;

	private final WriteMetrics metrics;

	private final long jobInstanceId;

	private final long jobExecutionId;

	private final String source;

	private final ToLongFunction<I> lineNumber;

	private final Function<I, String> recordKey;

	private final List<Rejected> pending = new ArrayList<>();

	/**
	 * @param lineNumber the physical line where an item starts in its file
	 * @param recordKey the item's id as it appeared, for the reject record
	 */
	public RejectRecorder(JdbcTemplate jdbc, WriteMetrics metrics, long jobInstanceId, long jobExecutionId,
			String source, ToLongFunction<I> lineNumber, Function<I, String> recordKey) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.jobInstanceId = jobInstanceId;
		this.jobExecutionId = jobExecutionId;
		this.source = source;
		this.lineNumber = lineNumber;
		this.recordKey = recordKey;
	}

	@Override
	public void onSkipInProcess(I item, Throwable error) {
		if (!(error instanceof Rejection rejected)) {
			throw new IllegalStateException("only rejected rows may be skipped", error);
		}
		// A record that is not a well-formed row has no reliable key column: its first field
		// could be anything, personal data included.
		String key = "MALFORMED_ROW".equals(rejected.reasonCode()) ? "" : cut(this.recordKey.apply(item));
		this.pending.add(new Rejected(this.lineNumber.applyAsLong(item), key, rejected.reasonCode(),
				cut(rejected.getMessage(), 500)));
	}

	/**
	 * {@code writer} preceded by the reject records of the chunk, so that a write retried after a
	 * deadlock, which rolled both back, writes both again. Static: {@code recorder} is a step-scoped
	 * proxy, to be called only while its step runs.
	 */
	public static <O> ItemWriter<O> before(RejectRecorder<?, O> recorder, ItemWriter<? super O> writer) {
		return (chunk) -> {
			recorder.writePending();
			writer.write(chunk);
		};
	}

	/** Writes the reject records of the chunk so far; they stay pending until the chunk ends. */
	public void writePending() {
		if (this.pending.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(UPSERT, this.pending, this.pending.size(), (ps, rejected) -> {
			ps.setLong(1, this.jobInstanceId);
			ps.setString(2, this.source);
			ps.setLong(3, rejected.lineNumber());
			ps.setString(4, rejected.recordKey());
			ps.setString(5, rejected.reasonCode());
			ps.setString(6, rejected.message());
			ps.setLong(7, this.jobExecutionId);
		});
	}

	@Override
	public void afterChunk(Chunk<O> chunk) {
		for (Rejected rejected : this.pending) {
			this.metrics.rejected(this.source, rejected.reasonCode());
		}
		this.pending.clear();
	}

	@Override
	public void onChunkError(Exception exception, Chunk<O> chunk) {
		this.pending.clear();
	}

	private static String cut(String text) {
		return cut(text, 64);
	}

	private static String cut(String text, int length) {
		String value = (text != null) ? text.strip() : "";
		return (value.length() > length) ? value.substring(0, length) : value;
	}

	private record Rejected(long lineNumber, String recordKey, String reasonCode, String message) {

	}

}
