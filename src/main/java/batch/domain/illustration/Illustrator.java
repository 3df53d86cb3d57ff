package batch.domain.illustration;

import java.util.Objects;

/**
 * Computes the benefit illustration of a valid policy on one basis. Immutable and thread-safe:
 * one instance serves every partition.
 */
public final class Illustrator {

	private final Basis basis;

	private final TraditionalEngine traditional;

	private final UlipEngine unitLinked;

	public Illustrator(Basis basis) {
		this.basis = Objects.requireNonNull(basis, "basis");
		this.traditional = new TraditionalEngine(basis);
		this.unitLinked = new UlipEngine(basis);
	}

	public Illustration illustrate(Policy policy) {
		return policy.product().isUnitLinked() ? this.unitLinked.illustrate(policy)
				: this.traditional.illustrate(policy);
	}

	public Basis basis() {
		return this.basis;
	}

}
