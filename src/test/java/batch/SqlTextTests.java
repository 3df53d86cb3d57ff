package batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import batch.JavaTokens.Kind;
import batch.JavaTokens.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing from input, parameters, properties or the environment is concatenated into SQL: in
 * {@code src/main/java}, every expression that joins SQL text with {@code +} joins it only with
 * literals and constants, and every SQL constant filled in with {@code formatted} gets literals;
 * values go in as bind parameters. The few names that are not constants are listed here with
 * the reason they are safe, so that a new one fails until someone has looked at it.
 */
class SqlTextTests {

	// words that only SQL text has, in this code base's upper case
	private static final Pattern SQL = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|JOIN|VALUES|INFILE"
			+ "|DUPLICATE KEY|ORDER BY|GROUP BY|LIMIT|REPLACE INTO|TRUNCATE|CREATE TABLE|DROP TABLE)\\b");

	// a constant, Type.CONSTANT, or a constant filled in with literals
	private static final Pattern CONSTANT = Pattern
		.compile("([A-Z][A-Za-z0-9]*\\.)*[A-Z][A-Z0-9_]*(\\.formatted\\(\\))?");

	// (condition ? "a" : B): one of two literals or constants
	private static final Pattern CHOICE_OF_CONSTANTS = Pattern
		.compile("\\(!?[\\w.]+\\?([A-Z][A-Z0-9_]*)?:([A-Z][A-Z0-9_]*)?\\)");

	/** Audited names that go into SQL text, by file: what they are and why that is safe. */
	private static final Map<String, Map<String, String>> AUDITED = Map.of("RunQueries.java",
			Map.of("this.tables.table()", "Spring Batch's table prefix, a setting held to an identifier by TablePrefix"),
			"KeyRangePartitioner.java",
			Map.of("this.key", "a column name, a constant of the static factories policies() and contracts()",
					"this.from", "a FROM clause with ? parameters, a constant of the same factories"),
			"Upsert.java", Map.of("table", "a table name, a constant of the writer that makes the Upsert",
					"String.join(,columns)", "column names, constants of the same writer",
					"String.join(,Collections.nCopies(columns.size(),))", "question marks, one per column",
					"(valueColumns.isEmpty()?keyColumns.subList(0,1):valueColumns).stream().map((column)->column+"
							+ "+column+).collect(Collectors.joining())",
					"the same constant column names", "column", "the same column names, one at a time",
					"this.table", "the same table name",
					"String.join(,this.columns)", "the same column names",
					"file", "a file of the application's own spool directory, whose name LoadDataSpool.nameable() "
							+ "allows only without quotes and backslashes"),
			"CashFlowExportTasklet.java",
			Map.of("OF_RUN.formatted(,executions)",
					"Spring Batch's job execution table, by a table prefix held to an identifier by TablePrefix"),
			"BulkWriter.java", Map.of("ex.getMessage()", "not SQL: a warning that names LOAD DATA LOCAL INFILE"),
			"IllustrationWriter.java",
			Map.of("KeyLists.placeholders(some)", "question marks, one per policy of a slice of the chunk"),
			"CashFlowWriter.java",
			Map.of("KeyLists.placeholders(some)", "question marks, one per contract of a slice of the chunk"),
			"ConsoleQueries.java",
			Map.of("this.tables.table()", "Spring Batch's table prefix, a setting held to an identifier by TablePrefix",
					"executionsOf()", "a subquery of constant text and that table prefix, with a ? parameter"));

	@Test
	void sqlIsJoinedOnlyWithLiteralsConstantsAndAuditedNames() throws IOException {
		Path main = Path.of("src/main/java");
		List<String> unaudited = new ArrayList<>();
		Set<String> found = new HashSet<>();
		int[] statements = { 0 };
		try (Stream<Path> files = Files.walk(main)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String name = file.getFileName().toString();
				for (String operand : new SqlText(JavaTokens.of(Files.readString(file))).nonConstantOperands(statements)) {
					found.add(name + ": " + operand);
					if (!AUDITED.getOrDefault(name, Map.of()).containsKey(operand)) {
						unaudited.add(name + ": " + operand);
					}
				}
			}
		}

		assertThat(statements[0]).as("SQL expressions found").isGreaterThan(20);
		assertThat(unaudited).isEmpty();
		// and the list is kept to what the code still does
		AUDITED.forEach((file, names) -> assertThat(found).as("audited in " + file)
			.containsAll(names.keySet().stream().map((operand) -> file + ": " + operand).toList()));
	}

	@Test
	void aValueJoinedIntoSqlIsFound() {
		String source = """
				class Lookup {
					private static final String BY_ID = "SELECT name FROM holder WHERE id = %s";
					void find(String id, String name, String column) {
						jdbc.query("SELECT * FROM policy WHERE holder = '" + name + "' AND x = ?", mapper, id);
						jdbc.update(BY_ID.formatted(id));
						jdbc.query("SELECT " + COLUMNS + " FROM policy ORDER BY " + column, mapper);
						log.info("found " + id);
					}
				}
				""";

		List<String> operands = new SqlText(JavaTokens.of(source)).nonConstantOperands(new int[1]);

		assertThat(operands).containsExactly("name", "id", "column");
	}

	/** The SQL of one source file, and what is joined into it. */
	private static final class SqlText {

		private final List<Token> tokens;

		private final Set<String> sqlConstants = new HashSet<>();

		SqlText(List<Token> tokens) {
			this.tokens = tokens;
		}

		List<String> nonConstantOperands(int[] statements) {
			List<String> found = new ArrayList<>();
			scan(0, this.tokens.size(), found, statements);
			return found;
		}

		// every chain a + b + ... within [from, to), and the chains inside its operands
		private void scan(int from, int to, List<String> found, int[] statements) {
			int i = from;
			while (i < to) {
				int end = operandEnd(i, to);
				if (end == i) {
					i++;
					continue;
				}
				List<int[]> chain = new ArrayList<>(List.of(new int[] { i, end }));
				while (end < to && this.tokens.get(end).is("+") && operandEnd(end + 1, to) > end + 1) {
					int next = operandEnd(end + 1, to);
					chain.add(new int[] { end + 1, next });
					end = next;
				}
				check(chain, i, found, statements);
				for (int[] operand : chain) {
					if (operand[1] - operand[0] > 1) {
						scan(operand[0] + 1, operand[1], found, statements);
					}
				}
				i = end;
			}
		}

		private void check(List<int[]> chain, int start, List<String> found, int[] statements) {
			boolean sql = chain.stream().anyMatch((operand) -> isSql(operand[0], operand[1]));
			if (sql && start >= 2 && this.tokens.get(start - 1).is("=")
					&& this.tokens.get(start - 2).kind() == Kind.WORD) {
				// a constant's (or a variable's) SQL text, filled in with formatted later
				this.sqlConstants.add(this.tokens.get(start - 2).text());
			}
			if (chain.size() > 1 && sql) {
				statements[0]++;
				for (int[] operand : chain) {
					String text = withoutLiterals(operand[0], operand[1]);
					// SQL text made earlier in the file was checked where it was made
					if (!text.isEmpty() && !CONSTANT.matcher(text).matches()
							&& !CHOICE_OF_CONSTANTS.matcher(text).matches() && !this.sqlConstants.contains(text)) {
						found.add(text);
					}
				}
			}
			// CONSTANT.formatted(arguments): the arguments of SQL text
			int[] only = chain.get(0);
			if (chain.size() == 1 && only[1] - only[0] >= 4 && this.tokens.get(only[0] + 1).is(".")
					&& this.tokens.get(only[0] + 2).text().equals("formatted")
					&& this.sqlConstants.contains(this.tokens.get(only[0]).text())) {
				statements[0]++;
				String arguments = withoutLiterals(only[0] + 4, only[1] - 1);
				if (!arguments.replace(",", "").isEmpty()) {
					found.add(arguments);
				}
			}
		}

		private boolean isSql(int from, int to) {
			for (int i = from; i < to; i++) {
				Token token = this.tokens.get(i);
				if (token.kind() == Kind.STRING && SQL.matcher(token.text()).find()) {
					return true;
				}
			}
			return false;
		}

		private String withoutLiterals(int from, int to) {
			StringBuilder text = new StringBuilder();
			for (int i = from; i < to; i++) {
				Token token = this.tokens.get(i);
				if (token.kind() != Kind.STRING && token.kind() != Kind.CHARACTER) {
					text.append(token.text());
				}
			}
			return text.toString();
		}

		// the end of the operand that starts at i: a literal, a name, or a parenthesis, followed by
		// member accesses, calls and indexes; i itself when no operand starts there
		private int operandEnd(int i, int to) {
			if (i >= to) {
				return i;
			}
			Token first = this.tokens.get(i);
			int end;
			if (first.kind() == Kind.STRING || first.kind() == Kind.CHARACTER) {
				end = i + 1;
			}
			else if (first.kind() == Kind.WORD) {
				end = i + 1;
			}
			else if (first.is("(")) {
				end = closing(i, to);
			}
			else {
				return i;
			}
			while (end < to) {
				Token next = this.tokens.get(end);
				if ((next.is(".") || next.is("::")) && end + 1 < to && this.tokens.get(end + 1).kind() == Kind.WORD) {
					end += 2;
				}
				else if (next.is("(") || next.is("[")) {
					end = closing(end, to);
				}
				else {
					return end;
				}
			}
			return end;
		}

		// past the parenthesis or bracket that closes the one at i
		private int closing(int i, int to) {
			int depth = 0;
			for (int j = i; j < to; j++) {
				Token token = this.tokens.get(j);
				if (token.is("(") || token.is("[") || token.is("{")) {
					depth++;
				}
				else if (token.is(")") || token.is("]") || token.is("}")) {
					depth--;
					if (depth == 0) {
						return j + 1;
					}
				}
			}
			return to;
		}

	}

}
