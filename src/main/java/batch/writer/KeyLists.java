package batch.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A chunk's keys in slices for a query about them ({@code ... IN (%s)}), KEYS_PER_QUERY keys a
 * query so that its plan stays a lookup of each key. The callers join the question marks into
 * their own constant, where SqlTextTests sees and audits it. Below MySQL's and MariaDB's
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

	/** The keys, KEYS_PER_QUERY at a time. */
	static List<List<?>> slices(Collection<?> keys) {
		List<?> all = new ArrayList<>(keys);
		List<List<?>> slices = new ArrayList<>();
		for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
			slices.add(all.subList(from, Math.min(from + KEYS_PER_QUERY, all.size())));
		}
		return slices;
	}

	/** A question mark for each key of the slice, for a constant's {@code %s}. */
	static String placeholders(List<?> slice) {
		return String.join(",", Collections.nCopies(slice.size(), "?"));
	}

}
