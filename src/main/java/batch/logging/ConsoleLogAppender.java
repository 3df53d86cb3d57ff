package batch.logging;

import java.io.IOException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Logback's console appender, writing each line through the {@link TerminalLine} of standard
 * error, so that on a terminal a log line appears above the progress bar, never through it.
 */
public class ConsoleLogAppender extends ConsoleAppender<ILoggingEvent> {

	@Override
	protected void writeOut(ILoggingEvent event) throws IOException {
		TerminalLine.standardError().print(() -> super.writeOut(event));
	}

}
