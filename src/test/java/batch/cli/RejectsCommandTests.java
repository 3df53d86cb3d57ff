package batch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batch.cli.RejectsCommand.Rejects;
import batch.operations.RejectQueries.RejectedRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code rejects} prints: the counts by reason, then the rows; as JSON, under the names the
 * README lists.
 */
class RejectsCommandTests {

	private static Rejects rejects(boolean more) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("MISSING_FIELD", 2L);
		counts.put("MALFORMED_ROW", 1L);
		return new Rejects(12, 7, "illustrationJob", 3, counts, null, 2,
				List.of(new RejectedRow("policies", 4, "P0003", "MISSING_FIELD", "holder_name is empty"),
						new RejectedRow("policies", 9, "", "MALFORMED_ROW", "the row has 11 fields, not 12")),
				more);
	}

	@Test
	void theJsonNamesAreTheDocumentedOnes() {
		JsonNode json = JsonMapper.builder().build().valueToTree(rejects(true));

		assertThat(names(json)).containsExactly("executionId", "instanceId", "jobName", "total", "byReason", "reason",
				"limit", "rows", "more");
		assertThat(names(json.get("rows").get(0))).containsExactly("source", "line", "id", "reason", "message");
		assertThat(names(json.get("byReason"))).containsExactly("MISSING_FIELD", "MALFORMED_ROW");
		assertThat(json.get("rows").get(1).get("line").asLong()).isEqualTo(9);
		assertThat(json.get("more").asBoolean()).isTrue();
		assertThat(json.get("reason").isNull()).isTrue();
	}

	@Test
	void theTableCountsByReasonThenListsTheRows() {
		StringWriter out = new StringWriter();

		RejectsCommand.print(rejects(true), new PrintWriter(out));

		List<String> lines = out.toString().lines().toList();
		assertThat(lines.get(0)).isEqualTo("execution 12 of illustrationJob: 3 rejected rows");
		assertThat(lines.get(1)).matches(" +MISSING_FIELD +2");
		assertThat(lines.get(2)).matches(" +MALFORMED_ROW +1");
		assertThat(lines.get(4)).matches("source +line +id +reason +message");
		assertThat(lines.get(5)).matches("policies +4 +P0003 +MISSING_FIELD +holder_name is empty");
		assertThat(lines.get(6)).matches("policies +9 +- +MALFORMED_ROW +the row has 11 fields, not 12");
		assertThat(lines.get(7)).isEqualTo("(the first 2; --limit N shows more)");
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
