package batch.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * The console's encoder: the pattern of {@code logback-spring.xml}, or, when Spring Boot's own
 * setting {@code logging.structured.format.console} names a format ({@code ecs}, {@code gelf},
 * {@code logstash}), Boot's structured (JSON) encoder. Written here because the logs go to
 * standard error, which Boot's default console configuration cannot do (standard output carries
 * the commands' own lines), and a logback configuration can choose an encoder by a property only
 * with Janino, which the application does not ship.
 */
public class ConsoleLogEncoder extends EncoderBase<ILoggingEvent> {

	private static final String STRUCTURED_FORMAT = "logging.structured.format.console";

	private String pattern;

	private Encoder<ILoggingEvent> delegate;

	/** The pattern of the plain-text lines. */
	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	@Override
	public void start() {
		// Spring Boot puts its Environment in the logger context before logback is configured (as
		// its own StructuredLogEncoder reads it): the setting of this application, not a system
		// property left by an earlier one in the same JVM
		Object environment = getContext().getObject(Environment.class.getName());
		String format = (environment instanceof Environment spring) ? spring.getProperty(STRUCTURED_FORMAT) : null;
		if (format != null && !format.isBlank()) {
			StructuredLogEncoder structured = new StructuredLogEncoder();
			structured.setFormat(format.strip());
			structured.setCharset(StandardCharsets.UTF_8);
			this.delegate = structured;
		}
		else {
			PatternLayoutEncoder text = new PatternLayoutEncoder();
			text.setPattern(this.pattern);
			text.setCharset(StandardCharsets.UTF_8);
			this.delegate = text;
		}
		this.delegate.setContext(getContext());
		this.delegate.start();
		super.start();
	}

	@Override
	public void stop() {
		if (this.delegate != null) {
			this.delegate.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return this.delegate.encode(event);
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

}
