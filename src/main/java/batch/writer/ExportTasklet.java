package batch.writer;

import java.nio.file.Path;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step that writes a run's export files in one {@link CsvExport} (all of them, or none), and
 * that a stop (SIGTERM, {@code ./batch stop}) ends at its next row.
 */
abstract class ExportTasklet implements StoppableTasklet {

	private final JdbcTemplate jdbc;

	private final Path directory;

	private volatile CsvExport export;

	private volatile boolean stopRequested;

	ExportTasklet(JdbcTemplate jdbc, Path directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

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
		try (CsvExport export = new CsvExport(this.jdbc, this.directory)) {
			this.export = export;
			if (this.stopRequested) {
				export.stop();
			}
			rows = write(export);
			export.commit();
		}
		contribution.incrementWriteCount(rows);
		return RepeatStatus.FINISHED;
	}

}
