package batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Java source as tokens, enough to follow string concatenation: string literals (with their
 * content, text blocks included), character literals, words (identifiers, keywords, numbers) and
 * operators; comments dropped.
 */
final class JavaTokens {

	private static final List<String> TWO_CHARACTER_OPERATORS = List.of("+=", "++", "->", "::", "==", "!=", "<=",
			">=", "&&", "||");

	enum Kind {

		STRING, CHARACTER, WORD, OPERATOR

	}

	record Token(Kind kind, String text) {

		boolean is(String operator) {
			return this.kind == Kind.OPERATOR && this.text.equals(operator);
		}

		/** The token as it is written, string literals quoted. */
		String source() {
			return (this.kind == Kind.STRING) ? '"' + this.text + '"' : this.text;
		}

	}

	private JavaTokens() {
	}

	static List<Token> of(String source) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (source.startsWith("//", i)) {
				i = end(source.indexOf('\n', i), source);
			}
			else if (source.startsWith("/*", i)) {
				i = end(source.indexOf("*/", i + 2), source) + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int close = closing(source, i + 3, "\"\"\"");
				tokens.add(new Token(Kind.STRING, source.substring(i + 3, close)));
				i = close + 3;
			}
			else if (c == '"' || c == '\'') {
				int close = closing(source, i + 1, String.valueOf(c));
				tokens.add(new Token((c == '"') ? Kind.STRING : Kind.CHARACTER, source.substring(i + 1, close)));
				i = close + 1;
			}
			else if (Character.isJavaIdentifierPart(c)) {
				int start = i;
				while (i < source.length() && Character.isJavaIdentifierPart(source.charAt(i))) {
					i++;
				}
				tokens.add(new Token(Kind.WORD, source.substring(start, i)));
			}
			else {
				String two = (i + 1 < source.length()) ? source.substring(i, i + 2) : "";
				String operator = TWO_CHARACTER_OPERATORS.contains(two) ? two : String.valueOf(c);
				tokens.add(new Token(Kind.OPERATOR, operator));
				i += operator.length();
			}
		}
		return tokens;
	}

	private static int end(int index, String source) {
		return (index < 0) ? source.length() : index;
	}

	// the index of the closing delimiter, past backslash escapes
	private static int closing(String source, int from, String delimiter) {
		int i = from;
		while (!source.startsWith(delimiter, i)) {
			i += (source.charAt(i) == '\\') ? 2 : 1;
		}
		return i;
	}

}
