package batch.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a terminal, a log line appears above the progress bar, never through it: it clears the bar's
 * line, is written, and the bar is drawn again; once the bar is cleared, lines are written as they are.
 */
class TerminalLineTests {

	private static final String CLEAR = "\r\033[2K";

	@Test
	void aLineWrittenWhileABarIsDrawnClearsTheBarAndDrawsItAgainBelow() throws Exception {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		TerminalLine line = new TerminalLine(() -> captured);

		line.draw("importPolicies [##--] 50/100  50% 10/s ETA 5s");
		line.print(() -> captured.write("12:00:01 INFO chunk committed\n".getBytes(StandardCharsets.UTF_8)));
		line.draw("importPolicies [###-] 75/100  75% 10/s ETA 3s");
		line.clear();
		line.print(() -> captured.write("12:00:04 INFO done\n".getBytes(StandardCharsets.UTF_8)));
		line.clear();

		assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(CLEAR
				+ "importPolicies [##--] 50/100  50% 10/s ETA 5s" + CLEAR + "12:00:01 INFO chunk committed\n"
				+ "importPolicies [##--] 50/100  50% 10/s ETA 5s" + CLEAR + "importPolicies [###-] 75/100  75% 10/s ETA 3s"
				+ CLEAR + "12:00:04 INFO done\n");
	}

	@Test
	void theConsoleAppenderWritesItsLinesAboveTheBarOnStandardError() {
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		ConsoleLogAppender appender = new ConsoleLogAppender();
		try {
			PatternLayoutEncoder encoder = new PatternLayoutEncoder();
			encoder.setContext(context);
			encoder.setPattern("%level %msg%n");
			encoder.start();
			appender.setContext(context);
			appender.setTarget("System.err");
			appender.setEncoder(encoder);
			appender.start();

			TerminalLine.standardError().draw("bar 1/2");
			appender.doAppend(new LoggingEvent("test", context.getLogger("test"), Level.INFO, "a log line", null, null));
			TerminalLine.standardError().clear();
		}
		finally {
			appender.stop();
			System.setErr(original);
		}

		assertThat(captured.toString(StandardCharsets.UTF_8))
			.isEqualTo(CLEAR + "bar 1/2" + CLEAR + "INFO a log line\n" + "bar 1/2" + CLEAR);
	}

}
