package batch.generate;

import java.io.StringWriter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import batch.domain.illustration.PolicyFields;
import batch.domain.illustration.PolicyRejectedException;
import batch.domain.illustration.PolicyValidator;
import batch.domain.illustration.Product;
import batch.domain.illustration.RejectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The generator's rows are what it says they are: valid rows pass validation, and each invalid
 * row is rejected for the very rule it was made to break.
 */
class PolicyGeneratorTests {

	@Test
	void everyRowValidatesAsIntended() {
		PolicyGenerator generator = new PolicyGenerator(42, 0.3);
		PolicyValidator validator = new PolicyValidator();
		Map<Long, Long> firstLines = new HashMap<>();
		Map<RejectReason, Integer> seen = new EnumMap<>(RejectReason.class);
		Map<Product, Integer> products = new EnumMap<>(Product.class);

		for (int line = 2; line < 20_002; line++) {
			PolicyGenerator.Row row = generator.next();
			RejectReason actual = null;
			try {
				if (row.values().length != PolicyFields.HEADER.size()) {
					actual = RejectReason.MALFORMED_ROW;
				}
				else {
					long current = line;
					products.merge(validator
						.validate(PolicyFields.of(row.values()), line,
								(id, at) -> firstLines.merge(id, at, Math::min) < current)
						.policy()
						.product(), 1, Integer::sum);
				}
			}
			catch (PolicyRejectedException ex) {
				actual = ex.reason();
			}
			if (actual != row.breaks()) {
				fail("line " + line + " was meant to be " + row.breaks() + " but is " + actual);
			}
			if (actual != null) {
				seen.merge(actual, 1, Integer::sum);
			}
		}

		// every reason code occurs, and all three products among the valid rows
		assertThat(seen.keySet()).containsExactlyInAnyOrder(RejectReason.values());
		assertThat(products.keySet()).containsExactlyInAnyOrder(Product.values());
	}

	@Test
	void theSameSeedGivesTheSameFile() throws Exception {
		StringWriter first = new StringWriter();
		StringWriter second = new StringWriter();
		StringWriter other = new StringWriter();

		new PolicyGenerator(7, 0.1).write(first, 500);
		new PolicyGenerator(7, 0.1).write(second, 500);
		new PolicyGenerator(8, 0.1).write(other, 500);

		assertThat(first.toString()).isEqualTo(second.toString()).isNotEqualTo(other.toString());
		assertThat(first.toString().lines()).hasSize(501)
			.first()
			.isEqualTo(String.join(",", PolicyFields.HEADER));
	}

}
