package batch.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * The Spring application, started on first use by the commands that need it (a database, the
 * jobs), with the {@code --spring.*}-style arguments of the command line. Spring's own shutdown
 * hook is off: the command line's stops the runs first, then closes the context.
 */
final class SpringContext implements AutoCloseable {

	private final Class<?> application;

	private final String[] arguments;

	private WebApplicationType webApplicationType = WebApplicationType.NONE;

	private final Map<String, Object> defaults = new HashMap<>();

	private volatile ConfigurableApplicationContext context;

	private final CountDownLatch shutdownRequested = new CountDownLatch(1);

	SpringContext(Class<?> application, List<String> arguments) {
		this.application = application;
		this.arguments = arguments.toArray(String[]::new);
	}

	/** Starts the application as a web server: before anything else uses it. */
	void startWebServer() {
		if (this.context != null) {
			throw new IllegalStateException("the application has already started");
		}
		this.webApplicationType = WebApplicationType.SERVLET;
		context();
	}

	/** Settings of this command's own, which the command line and the environment override. */
	void defaults(Map<String, Object> settings) {
		if (this.context != null) {
			throw new IllegalStateException("the application has already started");
		}
		this.defaults.putAll(settings);
	}

	// The command's settings rank above the configuration files (application.yml says
	// batch.partitioning: local, which a worker must not take) and below the command line, the
	// environment and system properties; Spring's default properties rank below the files.
	private ApplicationListener<ApplicationEnvironmentPreparedEvent> commandSettings() {
		return (event) -> {
			if (this.defaults.isEmpty()) {
				return;
			}
			MutablePropertySources sources = event.getEnvironment().getPropertySources();
			PropertySource<?> settings = new MapPropertySource("batchCommandSettings", Map.copyOf(this.defaults));
			PropertySource<?> firstFile = sources.stream()
				.filter((source) -> source instanceof OriginTrackedMapPropertySource)
				.findFirst()
				.orElse(null);
			if (firstFile != null) {
				sources.addBefore(firstFile.getName(), settings);
			}
			else {
				sources.addLast(settings);
			}
		};
	}

	/** Blocks until the process is asked to shut down (SIGTERM): for commands that serve until then. */
	void awaitShutdownRequest() throws InterruptedException {
		this.shutdownRequested.await();
	}

	void requestShutdown() {
		this.shutdownRequested.countDown();
	}

	boolean isServing() {
		return this.webApplicationType == WebApplicationType.SERVLET;
	}

	/** The port the web server listens on. */
	int webServerPort() {
		return ((WebServerApplicationContext) context()).getWebServer().getPort();
	}

	<T> T bean(Class<T> type) {
		return context().getBean(type);
	}

	/** A bean of the application if it has started; null otherwise, without starting it. */
	<T> T beanIfStarted(Class<T> type) {
		ConfigurableApplicationContext started = this.context;
		return (started != null && started.isActive()) ? started.getBean(type) : null;
	}

	private synchronized ConfigurableApplicationContext context() {
		if (this.context == null) {
			try {
				this.context = new SpringApplicationBuilder(this.application).web(this.webApplicationType)
					.listeners(commandSettings())
					.registerShutdownHook(false)
					.run(this.arguments);
			}
			catch (RuntimeException ex) {
				throw new CliException(ExitCodes.FAILED, "cannot start: " + StartupFailure.describe(ex));
			}
		}
		return this.context;
	}

	@Override
	public void close() {
		ConfigurableApplicationContext started = this.context;
		if (started != null) {
			started.close();
		}
	}

}
