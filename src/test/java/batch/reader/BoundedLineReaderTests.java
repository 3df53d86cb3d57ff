package batch.reader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Physical lines read a block at a time: line ends and the length limit mean the same wherever
 * the blocks happen to split the text.
 */
class BoundedLineReaderTests {

	@Test
	void everyLineEndCountsOnceWhateverTheBlocks() throws IOException {
		String text = "a\r\nb\rc\n\r\nd";

		assertThat(lines(new StringReader(text), 10)).containsExactly("1:a", "2:b", "3:c", "4:", "5:d");
		assertThat(lines(oneCharAtATime(text), 10)).containsExactly("1:a", "2:b", "3:c", "4:", "5:d");
	}

	@Test
	void aCrLfSplitBetweenTwoBlocksIsOneLineEnd() throws IOException {
		String first = "a".repeat((1 << 16) - 1);

		assertThat(lines(new StringReader(first + "\r\nb\n"), 1 << 17)).containsExactly("1:" + first, "2:b");
	}

	@Test
	void aLineLongerThanTheLimitIsCountedButNotKept() throws IOException {
		assertThat(lines(oneCharAtATime("abc\nabcd\n\nxyz"), 3)).containsExactly("1:abc", "2:too long", "3:", "4:xyz");
		assertThat(lines(new StringReader("x".repeat(200_000) + "\nok"), 3)).containsExactly("1:too long", "2:ok");
	}

	private static List<String> lines(Reader reader, int maxLength) throws IOException {
		BoundedLineReader lines = new BoundedLineReader(reader, maxLength);
		List<String> read = new ArrayList<>();
		for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
			read.add(line.number() + ":" + (line.tooLong() ? "too long" : line.text()));
		}
		return read;
	}

	private static Reader oneCharAtATime(String text) {
		return new StringReader(text) {

			@Override
			public int read(char[] buffer, int offset, int length) throws IOException {
				return super.read(buffer, offset, Math.min(length, 1));
			}

		};
	}

}
