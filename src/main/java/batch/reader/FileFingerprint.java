package batch.reader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What an input file was when a run read it: its size, its modification time and, once it has
 * been read to the end, the SHA-256 of its bytes. The import steps record it in their execution
 * context as they read; a restart compares the file with it, so that a restart reads the file the
 * run read, not another put in its place.
 *
 * @param size the size in bytes
 * @param modified the modification time, in milliseconds since the epoch
 * @param sha256 the SHA-256 in hex, or null where the file was not read to the end
 */
public record FileFingerprint(long size, long modified, String sha256) {

	/** Execution context keys of the file a step read and of its fingerprint. */
	public static final String PATH = "batch.input.path";

	private static final String SIZE = "batch.input.size";

	private static final String MODIFIED = "batch.input.modified";

	private static final String SHA256 = "batch.input.sha256";

	/** The size and modification time of a file, without reading it. */
	public static FileFingerprint stat(Path file) throws IOException {
		return new FileFingerprint(Files.size(file), Files.getLastModifiedTime(file).toMillis(), null);
	}

	/** The whole fingerprint of a file, read once to the end. */
	public static FileFingerprint read(Path file) throws IOException {
		FileFingerprint stat = stat(file);
		MessageDigest digest = newDigest();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return new FileFingerprint(stat.size, stat.modified, HexFormat.of().formatHex(digest.digest()));
	}

	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	FileFingerprint withSha256(String sha) {
		return new FileFingerprint(this.size, this.modified, sha);
	}

	/** Records the file and its fingerprint in a step's execution context. */
	void recordIn(ExecutionContext context, Path file) {
		context.putString(PATH, file.toString());
		context.putLong(SIZE, this.size);
		context.putLong(MODIFIED, this.modified);
		if (this.sha256 != null) {
			context.putString(SHA256, this.sha256);
		}
		else {
			context.remove(SHA256);
		}
	}

	/** The fingerprint a step's execution context records, or null if it records none. */
	public static FileFingerprint recordedIn(ExecutionContext context) {
		if (!context.containsKey(PATH) || !context.containsKey(SIZE) || !context.containsKey(MODIFIED)) {
			return null;
		}
		return new FileFingerprint(context.getLong(SIZE), context.getLong(MODIFIED),
				context.containsKey(SHA256) ? context.getString(SHA256) : null);
	}

	/**
	 * How a file differs from this record of it, in words; null if it does not. The content is
	 * compared when the record has it (the file is then read once); size and time always.
	 */
	public String differenceOf(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return "it is gone (or is no longer a file)";
		}
		FileFingerprint now = stat(file);
		if (now.size != this.size) {
			return "its size was " + this.size + " bytes, it is " + now.size;
		}
		if (now.modified != this.modified) {
			return "it was modified at " + Instant.ofEpochMilli(this.modified) + ", it is modified at "
					+ Instant.ofEpochMilli(now.modified);
		}
		if (this.sha256 != null) {
			String sha = read(file).sha256;
			if (!sha.equals(this.sha256)) {
				return "its SHA-256 was " + this.sha256 + ", it is " + sha;
			}
		}
		return null;
	}

}
