package batch.processor;

import batch.domain.illustration.Illustration;
import batch.domain.illustration.Illustrator;
import batch.domain.illustration.Policy;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Computes a policy's benefit illustration.
 */
public class IllustrationProcessor implements ItemProcessor<Policy, Illustration> {

	private final Illustrator illustrator;

	public IllustrationProcessor(Illustrator illustrator) {
		this.illustrator = illustrator;
	}

	@Override
	public Illustration process(Policy policy) {
		return this.illustrator.illustrate(policy);
	}

}
