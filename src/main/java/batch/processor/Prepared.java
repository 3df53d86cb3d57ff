package batch.processor;

import java.util.Objects;

/**
 * An item as {@link ProcessingAhead} read it, with what its processor made of it: the result, or the
 * exception the processor threw, to be thrown again on the step's thread by {@link #result()}.
 */
public final class Prepared<I, O> {

	private final I item;

	private final O result;

	private final RuntimeException failure;

	private Prepared(I item, O result, RuntimeException failure) {
		this.item = Objects.requireNonNull(item);
		this.result = result;
		this.failure = failure;
	}

	static <I, O> Prepared<I, O> processed(I item, O result) {
		return new Prepared<>(item, result, null);
	}

	static <I, O> Prepared<I, O> failed(I item, RuntimeException failure) {
		return new Prepared<>(item, null, Objects.requireNonNull(failure));
	}

	/** The item as it was read, for the step's reject records. */
	public I item() {
		return this.item;
	}

	/**
	 * What the processor returned (null for an item it filtered out), or its exception again: the
	 * step's processor, so that skips, rejects and filter counts are the step's as before.
	 */
	public O result() {
		if (this.failure != null) {
			throw this.failure;
		}
		return this.result;
	}

}
