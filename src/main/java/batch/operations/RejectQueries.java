package batch.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A run's rejected rows, read from {@code rejected_record} by the run's job instance (a restart
 * records under a new execution of the same instance), for the console and the command line alike.
 * Read only, every value bound. A row holds no personal data: its id is the record's key (a policy
 * or contract id) and its message names the rule broken, never the value.
 */
@Component
public class RejectQueries {

	private final JdbcTemplate jdbc;

	RejectQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The rejected rows of a run by reason code, most first. */
	public Map<String, Long> countsByReason(long instanceId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query("SELECT reason_code, COUNT(*) AS n FROM rejected_record WHERE job_instance_id = ?"
				+ " GROUP BY reason_code ORDER BY n DESC, reason_code", (row) -> {
					counts.put(row.getString(1), row.getLong(2));
				}, instanceId);
		return counts;
	}

	/** A page of a run's rejected rows, in file and line order, of one reason if given (else null). */
	public List<RejectedRow> rows(long instanceId, String reason, int limit, int offset) {
		return this.jdbc.query("SELECT source, line_number, record_key, reason_code, message FROM rejected_record"
				+ " WHERE job_instance_id = ? AND (? IS NULL OR reason_code = ?)"
				+ " ORDER BY source, line_number LIMIT ? OFFSET ?",
				(row, i) -> new RejectedRow(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
						row.getString(5)),
				instanceId, reason, reason, limit, offset);
	}

	/**
	 * One rejected row.
	 *
	 * @param source the input it came from ({@code policies}, {@code contracts}, ...)
	 * @param line the physical line of the file where the record starts (header = line 1)
	 * @param id the record's key, a policy or contract id; empty when the row could not be read
	 * @param reason the reason code
	 * @param message what rule was broken, without the value
	 */
	public record RejectedRow(String source, long line, String id, String reason, String message) {
	}

}
