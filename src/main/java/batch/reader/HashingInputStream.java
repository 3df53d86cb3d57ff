package batch.reader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The bytes of a file as they are read, digested on the way (SHA-256), so that a file's
 * fingerprint costs no second pass. The digest is known once the end has been read.
 * (java.security.DigestInputStream digests too, but cannot tell that the end was reached.)
 */
final class HashingInputStream extends FilterInputStream {

	private final MessageDigest digest = FileFingerprint.newDigest();

	private String sha256;

	private long bytesRead;

	HashingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.digest.update((byte) b);
			this.bytesRead++;
		}
		else {
			ended();
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			this.digest.update(buffer, offset, read);
			this.bytesRead += read;
		}
		else if (read < 0) {
			ended();
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("a hashed input is read, not skipped");
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	/** The bytes read so far, ahead of what the reader above has consumed by its buffer. */
	long bytesRead() {
		return this.bytesRead;
	}

	private void ended() {
		if (this.sha256 == null) {
			this.sha256 = HexFormat.of().formatHex(this.digest.digest());
		}
	}

	/** The SHA-256 of every byte, in hex, once the end has been read; null before. */
	String sha256() {
		return this.sha256;
	}

}
