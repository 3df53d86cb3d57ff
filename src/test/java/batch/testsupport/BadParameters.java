package batch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of {@code src/test/resources/hostile/parameters/parameters.expected}: command lines
 * with bad parameters, written with placeholders that stand for files made in a directory.
 */
public final class BadParameters {

	/** The resource the parameterized tests read. */
	public static final String CASES = "/hostile/parameters/parameters.expected";

	private final Path directory;

	private final Map<String, String> placeholders = new LinkedHashMap<>();

	private BadParameters(Path directory) {
		this.directory = directory;
	}

	/** Makes the files the placeholders stand for in the directory. */
	public static BadParameters in(Path directory) throws IOException {
		BadParameters cases = new BadParameters(directory);
		Path policies = directory.resolve("params-policies.csv");
		GeneratedPolicies.write(policies, 5, 1, 0);
		GeneratedContracts contracts = GeneratedContracts.write(directory, "params-contracts", 5, 1, 0);
		Path unreadable = Files.writeString(directory.resolve("params-unreadable.csv"), "policy_id\n");
		Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
		// reading a process's memory from address 0 fails with EIO, for root too
		Path ioError = Files.createSymbolicLink(directory.resolve("params-ioerror.csv"), Path.of("/proc/self/mem"));
		Path longDirectory = directory;
		for (int part = 0; part < 10; part++) {
			longDirectory = longDirectory.resolve("d".repeat(255));
		}
		Map<String, String> values = cases.placeholders;
		values.put("{market}", "--observations=" + contracts.observations() + " --curves=" + contracts.curves());
		values.put("{files}", "input=" + contracts.contracts() + " observations=" + contracts.observations() + " curves="
				+ contracts.curves());
		values.put("{policies}", policies.toString());
		values.put("{contracts}", contracts.contracts().toString());
		values.put("{observations}", contracts.observations().toString());
		values.put("{curves}", contracts.curves().toString());
		values.put("{absent}", directory.resolve("params-absent.csv").toString());
		values.put("{unreadable}", unreadable.toString());
		values.put("{ioerror}", ioError.toString());
		values.put("{longdir}", longDirectory.toString());
		values.put("{dir}", directory.toString());
		return cases;
	}

	/**
	 * The cases that give a job parameters as key=value and expect bad usage, as their three
	 * columns: {@code launch <job> key=value ...}, the exit code, what the message names.
	 */
	public static List<String[]> jobParameterCases() throws IOException {
		List<String[]> cases = new ArrayList<>();
		try (InputStream in = BadParameters.class.getResourceAsStream(CASES)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String[] columns = line.split("\\|");
				if (line.startsWith("#") || columns.length != 3) {
					continue;
				}
				for (int i = 0; i < columns.length; i++) {
					columns[i] = columns[i].strip();
				}
				List<String> words = List.of(columns[0].split(" +"));
				if (columns[1].equals("2") && words.size() > 2 && words.get(0).equals("launch")
						&& words.get(1).matches("illustrationJob|cashFlowJob")
						&& words.subList(2, words.size())
							.stream()
							.allMatch((word) -> word.matches("[^=]+=.*|\\{files\\}"))) {
					cases.add(columns);
				}
			}
		}
		return cases;
	}

	/** The arguments of a case, its placeholders replaced. */
	public List<String> arguments(String line) {
		String expanded = line;
		// the placeholders that stand for several arguments first, before the line is split
		for (String several : List.of("{market}", "{files}")) {
			expanded = expanded.replace(several, this.placeholders.get(several));
		}
		List<String> arguments = new ArrayList<>();
		for (String argument : expanded.strip().split(" +")) {
			if (argument.isEmpty()) {
				continue;
			}
			for (Map.Entry<String, String> placeholder : this.placeholders.entrySet()) {
				argument = argument.replace(placeholder.getKey(), placeholder.getValue());
			}
			arguments.add(argument.replace("{empty}", "")
				.replace("{blank}", "   ")
				.replace("{newline}", "\n")
				.replace("{nul}", "\0")
				.replace("{zwsp}", "\u200b")
				.replace("{rlm}", "\u200f")
				.replace("{lre}", "\u202a")
				.replace("{rlo}", "\u202e")
				.replace("{lri}", "\u2066")
				.replace("{pdi}", "\u2069")
				.replace("{bom}", "\ufeff")
				.replace("{lsep}", "\u2028")
				.replace("{psep}", "\u2029")
				.replace("{nel}", "\u0085")
				.replace("{pua}", "\ue000")
				.replace("{unassigned}", "\u0378")
				.replace("{digits40}", "9".repeat(40))
				.replace("{long}", "x".repeat(2600)));
		}
		return arguments;
	}

	/** Whether a case needs a file nobody may read, and this process may read it all the same (root). */
	public boolean cannotMakeUnreadable(String line) {
		return line.contains("{unreadable}") && Files.isReadable(Path.of(this.placeholders.get("{unreadable}")));
	}

	public Path directory() {
		return this.directory;
	}

}
