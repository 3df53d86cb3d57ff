package batch.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The items come to the step in the order they were read, each with its processor's result or
 * exception; a reading error comes after the items read before it; closing stops the thread first;
 * a processor that is a stream is one of the step's streams still.
 */
class ProcessingAheadTests {

	@Test
	void itemsComeInOrderWithTheirResultsAndTheProcessorsRejections() throws Exception {
		Numbers numbers = new Numbers(1000, -1);
		List<String> threads = Collections.synchronizedList(new ArrayList<>());
		ProcessingAhead<Integer, String> ahead = new ProcessingAhead<>(numbers, (n) -> {
			threads.add(Thread.currentThread().getName());
			if (n % 7 == 0) {
				throw new IllegalArgumentException("no multiples of 7: " + n);
			}
			return (n % 5 == 0) ? null : "n" + n;
		}, 16, "test-ahead");
		ahead.open(new ExecutionContext());
		for (int n = 1; n <= 1000; n++) {
			Prepared<Integer, String> prepared = ahead.read();
			assertThat(prepared.item()).isEqualTo(n);
			if (n % 7 == 0) {
				int multiple = n;
				assertThatThrownBy(prepared::result).isInstanceOf(IllegalArgumentException.class)
					.hasMessage("no multiples of 7: " + multiple);
			}
			else {
				assertThat(prepared.result()).isEqualTo((n % 5 == 0) ? null : "n" + n);
			}
		}
		assertThat(ahead.read()).isNull();
		assertThat(ahead.read()).isNull();
		ahead.close();
		assertThat(numbers.closed).isTrue();
		assertThat(threads).hasSize(1000).allMatch((name) -> name.startsWith("test-ahead-"));
	}

	@Test
	void aReadingErrorComesAfterTheItemsReadBeforeIt() throws Exception {
		ProcessingAhead<Integer, Integer> ahead = new ProcessingAhead<>(new Numbers(10, 4), (n) -> n * 2, 100,
				"test-ahead");
		ahead.open(new ExecutionContext());
		for (int n = 1; n <= 3; n++) {
			assertThat(ahead.read().result()).isEqualTo(2 * n);
		}
		assertThatThrownBy(ahead::read).isInstanceOf(ItemStreamException.class).hasMessage("disk gone at 4");
		assertThatThrownBy(ahead::read).isInstanceOf(ItemStreamException.class).hasMessage("disk gone at 4");
		ahead.close();
	}

	@Test
	void itRunsAtMostItsCapacityAheadAndCloseStopsItBeforeClosingTheReader() throws Exception {
		Numbers numbers = new Numbers(1_000_000, -1);
		ProcessingAhead<Integer, Integer> ahead = new ProcessingAhead<>(numbers, (n) -> n, 8, "test-ahead");
		ahead.open(new ExecutionContext());
		assertThat(ahead.read().item()).isEqualTo(1);
		// 1 taken, 8 queued, and the 10th read and waiting for room
		assertThat(numbers.reachedTen.await(10, TimeUnit.SECONDS)).isTrue();
		ExecutionContext context = new ExecutionContext();
		ahead.update(context);
		assertThat(context.getInt("read")).isEqualTo(10);
		ahead.close();
		assertThat(numbers.closed).isTrue();
		assertThat(numbers.readAfterClose).isFalse();
		assertThat(numbers.read).isEqualTo(10);
	}

	@Test
	void aProcessorThatIsAStreamIsOpenedAfterTheReaderUpdatedAndClosedWithIt() throws Exception {
		Numbers numbers = new Numbers(5, -1);
		Offset offset = new Offset();
		ProcessingAhead<Integer, Integer> ahead = new ProcessingAhead<>(numbers, offset, 2, "test-ahead");
		ExecutionContext context = new ExecutionContext();
		ahead.open(context);
		assertThat(ahead.read().result()).isEqualTo(1 + 100);
		while (ahead.read() != null) {
			// to the end
		}
		ahead.update(context);
		assertThat(context.getInt("processed")).isEqualTo(5);
		ahead.close();
		assertThat(offset.closed).isTrue();
		assertThat(numbers.closed).isTrue();
	}

	/** Adds the offset the reader left in the context, as the contracts' processor takes the header. */
	private static final class Offset implements ItemProcessor<Integer, Integer>, ItemStream {

		private int offset = -1;

		private int processed;

		private boolean closed;

		@Override
		public void open(ExecutionContext executionContext) {
			this.offset = executionContext.getInt("offset");
		}

		@Override
		public Integer process(Integer item) {
			this.processed++;
			return item + this.offset;
		}

		@Override
		public void update(ExecutionContext executionContext) {
			executionContext.putInt("processed", this.processed);
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

	/** 1, 2, ... up to {@code count}, failing at {@code failAt} if it is positive. */
	private static final class Numbers implements ItemStreamReader<Integer> {

		private final int count;

		private final int failAt;

		private final CountDownLatch reachedTen = new CountDownLatch(1);

		private int read;

		private volatile boolean closed;

		private volatile boolean readAfterClose;

		Numbers(int count, int failAt) {
			this.count = count;
			this.failAt = failAt;
		}

		@Override
		public Integer read() {
			if (this.closed) {
				this.readAfterClose = true;
			}
			if (this.read == this.count) {
				return null;
			}
			this.read++;
			if (this.read == this.failAt) {
				throw new ItemStreamException("disk gone at " + this.read);
			}
			if (this.read == 10) {
				this.reachedTen.countDown();
			}
			return this.read;
		}

		@Override
		public void open(ExecutionContext executionContext) {
			executionContext.putInt("offset", 100);
		}

		@Override
		public void update(ExecutionContext executionContext) {
			executionContext.putInt("read", this.read);
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
