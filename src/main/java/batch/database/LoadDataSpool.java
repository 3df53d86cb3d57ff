package batch.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The directory, readable by this process's user alone, where the writers put the rows of a
 * {@code LOAD DATA LOCAL INFILE} before the server reads them back. MySQL connections may read
 * local files from this directory only ({@code allowLoadLocalInfileInPath}): a server that asked
 * for any other file would be refused. Created on first use, removed when the application closes.
 */
@Component
public class LoadDataSpool implements DisposableBean {

	private Path directory;

	private boolean destroyed;

	/** The spool directory, created on the first call. */
	public synchronized Path directory() {
		if (this.destroyed) {
			throw new IllegalStateException("the application is closing: the spool directory is gone");
		}
		if (this.directory == null) {
			try {
				this.directory = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
						? Files.createTempDirectory("batch-load-",
								PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
						: Files.createTempDirectory("batch-load-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create a spool directory for LOAD DATA in "
						+ System.getProperty("java.io.tmpdir") + ": " + ex.getMessage(), ex);
			}
		}
		return this.directory;
	}

	/**
	 * Whether a file of the directory can be named in a statement as it is: a name that would
	 * need quoting is refused rather than escaped.
	 */
	public boolean nameable() {
		String name = directory().toString();
		return name.indexOf('\'') < 0 && name.indexOf('\\') < 0;
	}

	/** A new empty file in the directory. */
	public Path newFile() throws IOException {
		return Files.createTempFile(directory(), "rows-", ".tsv");
	}

	@Override
	public synchronized void destroy() throws IOException {
		this.destroyed = true;
		if (this.directory == null) {
			return;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
		}
		Files.deleteIfExists(this.directory);
		this.directory = null;
	}

}
