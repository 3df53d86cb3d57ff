package batch.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the files of the embedded H2 database readable by this process's user alone. They hold
 * the job metadata, the hashed and encrypted personal data, and, while a process serves the
 * database ({@code AUTO_SERVER=TRUE}), the lock file with the address and the key of its TCP
 * server: whoever reads that file can open the database. The directory ({@code ./data}) is created
 * here, owner-only, before H2 would create it with the default permissions; the files H2 makes in it
 * follow the process's umask, so they are made owner-only once the database is open, and again at
 * the next start for those made later. A directory that was there before is tightened only when it
 * holds nothing but this database (the {@code ./data} of an earlier version): one shared with
 * other files is the operator's. On a file system without POSIX permissions, nothing is done.
 */
@Component
class EmbeddedDatabaseFiles implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseFiles.class);

	static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	// jdbc:h2:[file:]<path>[;settings]; mem:, tcp:, ssl:, zip: and other file systems are not a file here
	private static final Pattern FILE_URL = Pattern.compile("^jdbc:h2:(?:file:)?([^;]+)");

	private static final Pattern OTHER_KIND = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*");

	private volatile Path database;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari) {
			Path file = databaseFile(hikari.getJdbcUrl());
			if (file != null) {
				this.database = file;
				prepareDirectory(file);
				tightenFiles(file);
			}
		}
		return bean;
	}

	// by now the schema scripts have opened the database, and H2 has made its files
	@EventListener(ContextRefreshedEvent.class)
	void databaseOpened() {
		Path file = this.database;
		if (file != null) {
			tightenFiles(file);
		}
	}

	/**
	 * The base name of the H2 database a URL names, {@code /work/data/batch} for
	 * {@code jdbc:h2:file:./data/batch;...} in {@code /work}; null for anything else.
	 */
	static Path databaseFile(String url) {
		if (url == null) {
			return null;
		}
		Matcher matcher = FILE_URL.matcher(url);
		if (!matcher.find()) {
			return null;
		}
		String path = matcher.group(1).strip();
		if (OTHER_KIND.matcher(path).matches() || path.isEmpty()) {
			return null;
		}
		if (path.equals("~") || path.startsWith("~/")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		Path file = Path.of(path).toAbsolutePath().normalize();
		return (file.getParent() != null) ? file : null;
	}

	/** Creates the database's directory owner-only, or tightens one that holds only this database. */
	static void prepareDirectory(Path database) {
		Path directory = database.getParent();
		try {
			if (!Files.exists(directory)) {
				Files.createDirectories(directory, ownerOnly(directory));
			}
			else if (holdsOnly(directory, database) && !isOwnerOnly(directory)) {
				Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
			}
		}
		catch (UnsupportedOperationException ex) {
			// no POSIX permissions here
		}
		catch (IOException ex) {
			// a directory H2 cannot use either is reported when it opens the database
			logger.debug("cannot prepare the embedded database's directory {}: {}", directory, ex.getMessage());
		}
	}

	/** Makes the files of the database ({@code batch.mv.db}, {@code batch.lock.db}, ...) owner-only. */
	static void tightenFiles(Path database) {
		for (Path file : files(database)) {
			try {
				if (Files.isRegularFile(file) && !Files.isSymbolicLink(file)
						&& !Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
					Files.setPosixFilePermissions(file, OWNER_FILE);
				}
			}
			catch (UnsupportedOperationException | IOException ex) {
				// no POSIX permissions here, another user's file, or gone already (a lock file)
			}
		}
	}

	// the files H2 names after the database: <name>.mv.db, .lock.db, .trace.db, .<n>.temp.db, ...
	private static List<Path> files(Path database) {
		String prefix = database.getFileName() + ".";
		try (Stream<Path> entries = Files.list(database.getParent())) {
			return entries.filter((entry) -> entry.getFileName().toString().startsWith(prefix)).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static boolean holdsOnly(Path directory, Path database) throws IOException {
		String prefix = database.getFileName() + ".";
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.allMatch((entry) -> entry.getFileName().toString().startsWith(prefix));
		}
	}

	private static boolean isOwnerOnly(Path directory) throws IOException {
		return Files.getPosixFilePermissions(directory).equals(OWNER_DIRECTORY);
	}

	private static FileAttribute<?>[] ownerOnly(Path directory) {
		return posix(directory) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY) }
				: new FileAttribute<?>[0];
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
