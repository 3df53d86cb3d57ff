package batch.processor;

import batch.domain.illustration.DuplicateCheck;
import com.carrotsearch.hppc.LongLongHashMap;

/**
 * The policy ids of one input file with the first line each appeared on, in a primitive map:
 * about 16 bytes an id, so millions of rows fit in a small heap.
 */
class PolicyIdRegistry implements DuplicateCheck {

	private final LongLongHashMap firstLines = new LongLongHashMap(1 << 16);

	@Override
	public boolean seenOnEarlierLine(long policyId, long lineNumber) {
		int slot = this.firstLines.indexOf(policyId);
		if (!this.firstLines.indexExists(slot)) {
			this.firstLines.indexInsert(slot, policyId, lineNumber);
			return false;
		}
		long firstLine = this.firstLines.indexGet(slot);
		if (lineNumber < firstLine) {
			this.firstLines.indexReplace(slot, lineNumber);
			return false;
		}
		return firstLine < lineNumber;
	}

}
