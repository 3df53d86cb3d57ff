package batch.writer;

import java.util.ArrayList;
import java.util.List;

import batch.domain.illustration.PolicyRejectedException;
import batch.processor.ImportedPolicy;
import batch.reader.CsvRecord;
import batch.domain.illustration.RejectReason;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records every skipped row in {@code rejected_record} with its line number and reason code. The
 * rows of a chunk are written in one batch inside the chunk's transaction, so that they commit or
 * roll back with the chunk; a re-run of the same lines overwrites them.
 */
public class RejectRecorder
		implements SkipListener<CsvRecord, ImportedPolicy>, ChunkListener<CsvRecord, ImportedPolicy> {

	/** The {@code source} of rows rejected from a policies file. */
	public static final String POLICIES = "policies";

	static final String UPSERT = Upsert.sql("rejected_record", List.of("job_instance_id", "source", "line_number"),
			List.of("record_key", "reason_code", "message", "job_execution_id"));

	private final JdbcTemplate jdbc;

	private final long jobInstanceId;

	private final long jobExecutionId;

	private final List<Rejected> pending = new ArrayList<>();

	public RejectRecorder(JdbcTemplate jdbc, long jobInstanceId, long jobExecutionId) {
		this.jdbc = jdbc;
		this.jobInstanceId = jobInstanceId;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public void onSkipInProcess(CsvRecord line, Throwable error) {
		if (!(error instanceof PolicyRejectedException rejected)) {
			throw new IllegalStateException("only rejected rows may be skipped", error);
		}
		// A record that is not a well-formed row has no reliable policy_id column: its first
		// field could be anything, personal data included.
		String key = (rejected.reason() == RejectReason.MALFORMED_ROW) ? "" : line.firstField();
		this.pending.add(new Rejected(line.lineNumber(), key, rejected.reason().name(), rejected.getMessage()));
	}

	@Override
	public void afterChunk(Chunk<ImportedPolicy> chunk) {
		if (this.pending.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(UPSERT, this.pending, this.pending.size(), (ps, rejected) -> {
			ps.setLong(1, this.jobInstanceId);
			ps.setString(2, POLICIES);
			ps.setLong(3, rejected.lineNumber());
			ps.setString(4, rejected.recordKey());
			ps.setString(5, rejected.reasonCode());
			ps.setString(6, rejected.message());
			ps.setLong(7, this.jobExecutionId);
		});
		this.pending.clear();
	}

	@Override
	public void onChunkError(Exception exception, Chunk<ImportedPolicy> chunk) {
		this.pending.clear();
	}

	private record Rejected(long lineNumber, String recordKey, String reasonCode, String message) {

	}

}
