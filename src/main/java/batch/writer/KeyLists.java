package batch.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query about a chunk's keys ({@code ... IN (%s)}), asked KEYS_PER_QUERY keys at a time so that
 * its plan stays a lookup of each key. Below MySQL's and MariaDB's
 * {@code eq_range_index_dive_limit} (200) the optimizer counts each key's rows in the index rather
 * than trusting statistics that may be stale; below MariaDB's
 * {@code in_predicate_conversion_threshold} (1000) a list is not turned into a semi-join on a table
 * of values, a plan that can become a scan of the whole table. A key range over the chunk's first
 * and last keys would read every row between them: the whole table, for a run of a few policies
 * or contracts far apart.
 */
final class KeyLists {

	private static final int KEYS_PER_QUERY = 64;

	private KeyLists() {
	}

	/**
	 * Runs {@code sql}, a constant whose one {@code %s} becomes the list's question marks, for every
	 * KEYS_PER_QUERY of keys; the keys are bound as parameters.
	 */
	static void query(JdbcTemplate jdbc, String sql, Collection<?> keys, RowCallbackHandler handler) {
		List<?> all = new ArrayList<>(keys);
		for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
			List<?> some = all.subList(from, Math.min(from + KEYS_PER_QUERY, all.size()));
			String placeholders = String.join(",", Collections.nCopies(some.size(), "?"));
			jdbc.query(sql.formatted(placeholders), handler, some.toArray());
		}
	}

}
