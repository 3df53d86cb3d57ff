package batch.processor;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemStream;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Reads a step's items and runs its processor on them on a thread of its own, in order, at most
 * {@code capacity} items ahead of the step, which takes them as {@link Prepared} items.
 * <p>
 * Why: an import step on one thread parses and validates a chunk, then waits while the server loads
 * it, then parses the next. Ahead of it, the parsing of the next chunk overlaps the load of this one.
 * Spring Batch's own concurrency does not do this: a chunk's items processed on a task executor are
 * processed in parallel with each other, not with the write, and in no fixed order, which the
 * import's duplicate rule ("the first line with an id wins") needs.
 * <p>
 * It keeps no position of its own and needs none: it is for readers that restart from the top of
 * their input (see {@code CsvItemReader}). It opens, updates and closes the reader and, if it is
 * one, the processor as the step's streams. Their {@code update} runs on the step's thread under
 * the lock that each read and process holds, so what they record is consistent; it may count
 * items read ahead, which are at most {@code capacity}.
 */
public class ProcessingAhead<I, O> implements ItemStreamReader<Prepared<I, O>> {

	private final ItemStreamReader<I> reader;

	private final ItemProcessor<I, O> processor;

	// the reader, then the processor if it is a stream, opened in that order as the step would
	private final CompositeItemStream streams = new CompositeItemStream();

	private final int capacity;

	private final String threadName;

	private final Object lock = new Object();

	private BlockingQueue<Object> queue;

	private CountDownLatch finished;

	private volatile boolean closing;

	private Object last;

	/** The end of the items, or the error that ended them, as the last entry of the queue. */
	private record End(RuntimeException error) {

	}

	public ProcessingAhead(ItemStreamReader<I> reader, ItemProcessor<I, O> processor, int capacity,
			String threadName) {
		this.reader = reader;
		this.processor = processor;
		this.capacity = capacity;
		this.threadName = threadName;
		this.streams.register(reader);
		if (processor instanceof ItemStream stream) {
			// the contracts' processor takes the header the reader checked from the context
			this.streams.register(stream);
		}
	}

	@Override
	public void open(ExecutionContext executionContext) {
		synchronized (this.lock) {
			this.streams.open(executionContext);
		}
		this.queue = new ArrayBlockingQueue<>(this.capacity);
		this.finished = new CountDownLatch(1);
		this.closing = false;
		this.last = null;
		StepContext step = StepSynchronizationManager.getContext();
		StepExecution stepExecution = (step != null) ? step.getStepExecution() : null;
		new SimpleAsyncTaskExecutor(this.threadName + "-").execute(() -> produce(stepExecution));
	}

	// The step's scope is this thread's too, as on the threads of a multi-threaded step: the reader
	// and the processor may be step-scoped proxies.
	private void produce(StepExecution stepExecution) {
		if (stepExecution != null) {
			StepSynchronizationManager.register(stepExecution);
		}
		try {
			while (!this.closing) {
				Prepared<I, O> prepared = null;
				synchronized (this.lock) {
					I item = this.reader.read();
					if (item != null) {
						prepared = prepare(item);
					}
				}
				if (prepared == null) {
					this.queue.put(new End(null));
					return;
				}
				this.queue.put(prepared);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			endWith(ex);
		}
		catch (Exception ex) {
			endWith(new ItemStreamException("cannot read ahead: " + ex.getMessage(), ex));
		}
		catch (Error ex) {
			endWith(new ItemStreamException("cannot read ahead: " + ex, ex));
		}
		finally {
			if (stepExecution != null) {
				StepSynchronizationManager.release();
			}
			this.finished.countDown();
		}
	}

	private Prepared<I, O> prepare(I item) throws Exception {
		try {
			return Prepared.processed(item, this.processor.process(item));
		}
		catch (RuntimeException ex) {
			return Prepared.failed(item, ex);
		}
	}

	// The step sees the error when it reaches it, after the items read before it.
	private void endWith(RuntimeException error) {
		try {
			this.queue.put(new End(error));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public Prepared<I, O> read() throws InterruptedException {
		Object next = (this.last != null) ? this.last : this.queue.take();
		if (next instanceof End end) {
			this.last = end;
			if (end.error() != null) {
				throw end.error();
			}
			return null;
		}
		return (Prepared<I, O>) next;
	}

	@Override
	public void update(ExecutionContext executionContext) {
		synchronized (this.lock) {
			this.streams.update(executionContext);
		}
	}

	// Stops the thread before the delegate is closed: it is never closed under a read. The thread
	// puts at most one more item after the queue is emptied, which there is room for.
	@Override
	public void close() {
		if (this.finished != null) {
			this.closing = true;
			this.queue.clear();
			try {
				this.finished.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.finished = null;
		}
		synchronized (this.lock) {
			this.streams.close();
		}
	}

}
