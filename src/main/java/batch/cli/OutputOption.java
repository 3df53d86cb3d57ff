package batch.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --output table|json}, for the commands that print runs: a table for people (the default),
 * or JSON for scripts, written by the application's Jackson mapper, the API's, so that the two
 * name every field alike.
 */
final class OutputOption {

	/** What a command prints. */
	enum Format {
		TABLE, JSON
	}

	@Option(names = "--output", defaultValue = "table", paramLabel = "table|json",
			converter = FormatConverter.class, completionCandidates = Formats.class,
			description = "table (default) or json: the field names are listed in the README")
	private Format format;

	boolean json() {
		return this.format == Format.JSON;
	}

	/** Prints a value as indented JSON, ending with a line break. */
	static void printJson(SpringContext spring, PrintWriter out, Object value) {
		out.println(spring.bean(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(value));
		out.flush();
	}

	/** A format as it is typed, in lower case. */
	static final class FormatConverter implements ITypeConverter<Format> {

		@Override
		public Format convert(String value) {
			return switch (value) {
				case "table" -> Format.TABLE;
				case "json" -> Format.JSON;
				default -> throw new TypeConversionException(
						"'" + BatchCli.oneLine(value) + "' is not an output format: table or json");
			};
		}

	}

	/** The formats as they are typed, for completion. */
	static final class Formats implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return List.of("table", "json").iterator();
		}

	}

}
