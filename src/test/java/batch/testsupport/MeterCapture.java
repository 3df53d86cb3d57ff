package batch.testsupport;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * Every meter of an application the command line ran in this JVM, as it was when the application
 * closed: the Prometheus scrape that {@code /actuator/prometheus} serves, and each meter of every
 * registry with its tags and values. Given to a command as {@code --spring.main.sources} (see
 * {@link #ARGUMENT}); not an annotated component, so that no other test's application scans it.
 */
public final class MeterCapture implements ApplicationListener<ContextClosedEvent>, Ordered {

	/** The argument that adds the capture to a command's application. */
	public static final String ARGUMENT = "--spring.main.sources=" + MeterCapture.class.getName();

	private static final List<String> captured = new ArrayList<>();

	/** What the applications closed so far have shown, one text per registry, and forgets it. */
	public static synchronized List<String> take() {
		List<String> taken = List.copyOf(captured);
		captured.clear();
		return taken;
	}

	// before Spring Boot closes the registries
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		for (MeterRegistry registry : event.getApplicationContext().getBeansOfType(MeterRegistry.class).values()) {
			StringBuilder text = new StringBuilder();
			if (registry instanceof PrometheusMeterRegistry prometheus) {
				text.append(prometheus.scrape());
			}
			for (Meter meter : registry.getMeters()) {
				text.append(meter.getId().getName());
				for (Tag tag : meter.getId().getTagsAsIterable()) {
					text.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
				}
				for (Measurement measurement : meter.measure()) {
					text.append(' ').append(measurement.getStatistic()).append('=').append(measurement.getValue());
				}
				text.append('\n');
			}
			synchronized (MeterCapture.class) {
				captured.add(text.toString());
			}
		}
	}

}
