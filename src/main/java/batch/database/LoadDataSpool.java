package batch.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The directory, readable by this process's user alone, where the writers put the rows of a
 * {@code LOAD DATA LOCAL INFILE} before the server reads them back. MySQL connections may read
 * local files from this directory only ({@code allowLoadLocalInfileInPath}): a server that asked
 * for any other file would be refused. Created on first use, removed when the application closes.
 * Its name carries the process id: a process killed with kill -9 cannot remove its own, so the
 * next one to start removes those of processes that are gone.
 */
@Component
public class LoadDataSpool implements DisposableBean {

	private static final String PREFIX = "batch-load-";

	// said rather than left to the JDK's defaults for temporary files, which are these today
	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final FileAttribute<?> OWNER_DIRECTORY = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

	private static final FileAttribute<?> OWNER_FILE = PosixFilePermissions
		.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

	private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");

	private Path directory;

	private boolean destroyed;

	/** The spool directory, created on the first call. */
	public synchronized Path directory() {
		if (this.destroyed) {
			throw new IllegalStateException("the application is closing: the spool directory is gone");
		}
		if (this.directory == null) {
			String prefix = PREFIX + ProcessHandle.current().pid() + "-";
			try {
				this.directory = POSIX ? Files.createTempDirectory(prefix, OWNER_DIRECTORY)
						: Files.createTempDirectory(prefix);
				removeThoseOfDeadProcesses(this.directory.getParent());
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

	/** A new empty file in the directory, readable by this process's user alone. */
	public Path newFile() throws IOException {
		return POSIX ? Files.createTempFile(directory(), "rows-", ".tsv", OWNER_FILE)
				: Files.createTempFile(directory(), "rows-", ".tsv");
	}

	// batch-load-<pid>-<random> of a process that no longer runs; another user's is left alone
	private static void removeThoseOfDeadProcesses(Path temporary) {
		try (DirectoryStream<Path> spools = Files.newDirectoryStream(temporary, PREFIX + "*")) {
			for (Path spool : spools) {
				Matcher name = OWNED.matcher(spool.getFileName().toString());
				if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
					try {
						removeFiles(spool);
						Files.deleteIfExists(spool);
					}
					catch (IOException ex) {
						// not ours to remove, or gone already
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// a sweep that cannot list the directory changes nothing
		}
	}

	private static void removeFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
		}
	}

	@Override
	public synchronized void destroy() throws IOException {
		this.destroyed = true;
		if (this.directory == null) {
			return;
		}
		removeFiles(this.directory);
		Files.deleteIfExists(this.directory);
		this.directory = null;
	}

}
