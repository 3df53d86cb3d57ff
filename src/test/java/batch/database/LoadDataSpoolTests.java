package batch.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDataSpoolTests {

	private static final Path TEMPORARY = Path.of(System.getProperty("java.io.tmpdir"));

	@Test
	void theDirectoryAndItsFilesAreTheOwnersAlone() throws Exception {
		LoadDataSpool spool = new LoadDataSpool();
		try {
			Path file = spool.newFile();

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.directory())))
				.isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		finally {
			spool.destroy();
		}
	}

	@Test
	void theSpoolsOfProcessesThatAreGoneAreRemovedAndTheOthersKept() throws Exception {
		Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").start();
		gone.waitFor();
		Path dead = Files.createDirectory(TEMPORARY.resolve("batch-load-" + gone.pid() + "-42"));
		Files.writeString(dead.resolve("rows-1.tsv"), "1\t2\n");
		Path alive = Files.createDirectory(TEMPORARY.resolve("batch-load-" + ProcessHandle.current().pid() + "-43"));
		LoadDataSpool spool = new LoadDataSpool();
		try {
			Path directory = spool.directory();

			assertThat(directory.getFileName().toString()).startsWith("batch-load-" + ProcessHandle.current().pid() + "-");
			assertThat(dead).doesNotExist();
			assertThat(alive).isDirectory();
			Files.writeString(spool.newFile(), "rows");
			spool.destroy();
			assertThat(directory).doesNotExist();
		}
		finally {
			Files.deleteIfExists(alive);
			spool.destroy();
		}
	}

}
