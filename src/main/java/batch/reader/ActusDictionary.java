package batch.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The names of the ACTUS contract terms, from the data dictionary shipped with the application: a
 * contracts file's header may name these, in any order, and nothing else.
 */
public final class ActusDictionary {

	/** A conformance-case term that is not in the dictionary but that the cases use. */
	// the names actus-core and its published cases use where the dictionary has another, or none
	private static final List<String> ALSO_ACCEPTED = List.of("fixingDays", "marketObjectCodeOfDividends",
			"cycleOfDividendPayment", "cycleAnchorDateOfDividendPayment");

	private final Set<String> terms;

	private ActusDictionary(Set<String> terms) {
		this.terms = Set.copyOf(terms);
	}

	public static ActusDictionary load() {
		try (InputStream in = new ClassPathResource("actus/actus-dictionary-terms.json").getInputStream()) {
			JsonNode root = new ObjectMapper().readTree(in);
			Set<String> names = new HashSet<>(ALSO_ACCEPTED);
			root.path("terms").propertyNames().forEach(names::add);
			if (names.size() < 50) {
				throw new IllegalStateException("the ACTUS dictionary shipped with the application is incomplete");
			}
			return new ActusDictionary(names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the ACTUS dictionary shipped with the application", ex);
		}
	}

	public boolean isTerm(String name) {
		return this.terms.contains(name);
	}

	/**
	 * A contracts file's header: ACTUS term names, each once, contractID and contractType among them.
	 */
	public CsvFile.HeaderRule contractsHeader() {
		return (Path path, List<String> names) -> {
			// Unknown names are not repeated: without a header row they would be a contract's values.
			List<String> unknown = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int column = 0; column < names.size(); column++) {
				String name = names.get(column);
				if (!isTerm(name)) {
					unknown.add(String.valueOf(column + 1));
				}
				else if (!seen.add(name)) {
					throw new InputFileException(path + " names the term " + name + " twice in its header");
				}
			}
			if (!unknown.isEmpty()) {
				throw new InputFileException(path + " has header columns that are no ACTUS term: column "
						+ String.join(", ", unknown) + " (names are the data dictionary's, case-sensitive, e.g."
						+ " contractID, notionalPrincipal; the first line must be the header)");
			}
			for (String required : List.of("contractID", "contractType")) {
				if (!seen.contains(required)) {
					throw new InputFileException(path + " has no " + required + " column in its header");
				}
			}
		};
	}

}
