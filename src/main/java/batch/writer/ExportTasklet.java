package batch.writer;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step that writes a run's export files in one {@link CsvExport} (all of them, or none), and
 * that a stop (SIGTERM, {@code ./batch stop}) ends at its next row. It counts the rows to write
 * first, and records how many it has written as it goes, so that the export shows its progress.
 */
abstract class ExportTasklet implements StoppableTasklet {

	private final JdbcTemplate jdbc;

	private final Path directory;

	private volatile CsvExport export;

	private volatile boolean stopRequested;

	private StepProgress progress;

	ExportTasklet(JdbcTemplate jdbc, Path directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** Records the export's progress in its step execution as it goes. */
	void setProgress(StepProgress progress) {
		this.progress = progress;
	}

	/** The rows that {@link #write} will write, counted before. */
	abstract long expected(CsvExport export);

	/** Writes the files; returns the rows written. */
	abstract long write(CsvExport export);

	@Override
	public void stop() {
		this.stopRequested = true;
		CsvExport current = this.export;
		if (current != null) {
			current.stop();
		}
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long rows;
		StepProgress recorded = this.progress;
		try (CsvExport export = new CsvExport(this.jdbc, this.directory,
				(recorded != null) ? recorded::done : (done) -> { })) {
			this.export = export;
			if (this.stopRequested) {
				export.stop();
			}
			if (recorded != null) {
				recorded.start(chunkContext.getStepContext().getStepExecution(), expected(export));
			}
			rows = write(export);
			export.commit();
		}
		if (recorded != null) {
			recorded.finish(rows);
		}
		contribution.incrementWriteCount(rows);
		return RepeatStatus.FINISHED;
	}

}
