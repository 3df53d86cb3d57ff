package batch.cli;

import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring application, started on first use by the commands that need it (a database, the
 * jobs), with the {@code --spring.*}-style arguments of the command line.
 */
final class SpringContext implements AutoCloseable {

	private final Class<?> application;

	private final String[] arguments;

	private ConfigurableApplicationContext context;

	SpringContext(Class<?> application, List<String> arguments) {
		this.application = application;
		this.arguments = arguments.toArray(String[]::new);
	}

	<T> T bean(Class<T> type) {
		return context().getBean(type);
	}

	private ConfigurableApplicationContext context() {
		if (this.context == null) {
			try {
				this.context = new SpringApplicationBuilder(this.application).web(WebApplicationType.NONE)
					.run(this.arguments);
			}
			catch (RuntimeException ex) {
				throw new CliException(ExitCodes.FAILED, "cannot start: " + StartupFailure.describe(ex));
			}
		}
		return this.context;
	}

	static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message);
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

}
