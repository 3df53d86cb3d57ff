package batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engines stay plain Java: nothing under {@code batch.domain} imports anything but
 * {@code java.*} and the domain itself.
 */
class ArchitectureTests {

	@Test
	void domainImportsOnlyJavaAndItself() throws IOException {
		Path domain = Path.of("src/main/java/batch/domain");
		List<String> offending;
		try (Stream<Path> files = Files.walk(domain)) {
			offending = files.filter((file) -> file.toString().endsWith(".java"))
				.flatMap(ArchitectureTests::foreignImports)
				.toList();
		}

		assertThat(domain).isDirectory();
		assertThat(offending).isEmpty();
	}

	private static Stream<String> foreignImports(Path file) {
		try {
			return Files.readAllLines(file)
				.stream()
				.map(String::strip)
				.filter((line) -> line.startsWith("import "))
				.map((line) -> line.replace("import static ", "import "))
				.filter((line) -> !line.startsWith("import java.") && !line.startsWith("import batch.domain."))
				.map((line) -> file.getFileName() + ": " + line);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
