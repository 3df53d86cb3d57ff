package batch.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which URLs name a file database, and what becomes of its directory and files.
 */
class EmbeddedDatabaseFilesTests {

	@TempDir
	Path directory;

	@Test
	void aFileUrlNamesTheDatabaseAndTheOthersNone() {
		Path here = Path.of("").toAbsolutePath();

		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:file:./data/batch;MODE=MySQL;AUTO_SERVER=TRUE"))
			.isEqualTo(here.resolve("data/batch"));
		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:/srv/batch/db")).isEqualTo(Path.of("/srv/batch/db"));
		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:~/batch"))
			.isEqualTo(Path.of(System.getProperty("user.home"), "batch"));
		for (String other : new String[] { "jdbc:h2:mem:cds;MODE=MySQL", "jdbc:h2:tcp://db:9092/batch",
				"jdbc:h2:zip:/x.zip!/batch", "jdbc:mysql://127.0.0.1:3306/batch", null }) {
			assertThat(EmbeddedDatabaseFiles.databaseFile(other)).as(other).isNull();
		}
	}

	@Test
	void theDirectoryIsCreatedOwnerOnly() throws Exception {
		Path database = this.directory.resolve("data/batch");

		EmbeddedDatabaseFiles.prepareDirectory(database);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void aDirectoryOfAnEarlierVersionIsTightenedWithItsFilesAndASharedOneIsLeftAlone() throws Exception {
		Path own = Files.createDirectory(this.directory.resolve("data"));
		Path shared = Files.createDirectory(this.directory.resolve("shared"));
		for (Path file : new Path[] { own.resolve("batch.mv.db"), own.resolve("batch.trace.db"),
				shared.resolve("batch.mv.db"), shared.resolve("notes.txt") }) {
			Files.writeString(file, "x");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}
		Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

		for (Path database : new Path[] { own.resolve("batch"), shared.resolve("batch") }) {
			EmbeddedDatabaseFiles.prepareDirectory(database);
			EmbeddedDatabaseFiles.tightenFiles(database);
		}

		assertThat(permissions(own)).isEqualTo("rwx------");
		assertThat(permissions(own.resolve("batch.mv.db"))).isEqualTo("rw-------");
		assertThat(permissions(own.resolve("batch.trace.db"))).isEqualTo("rw-------");
		assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
		assertThat(permissions(shared.resolve("batch.mv.db"))).isEqualTo("rw-------");
		assertThat(permissions(shared.resolve("notes.txt"))).isEqualTo("rw-r--r--");
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
