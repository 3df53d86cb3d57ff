package batch.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the embedded H2 database's auto-server on the loopback interface. With
 * {@code AUTO_SERVER=TRUE} (so that a second process, a {@code status} beside a run, can open
 * {@code ./data/batch}) the first process to open the database serves it over TCP, and H2 listens
 * on every interface unless its system property {@code h2.bindAddress} says otherwise: anyone on
 * the network could then try the database. H2 reads the property once, when its classes load, so
 * it is set here, before the application makes its data source; an operator's own
 * {@code -Dh2.bindAddress} (empty for every interface) is left as it is.
 */
class EmbeddedDatabaseAddress implements EnvironmentPostProcessor {

	static final String PROPERTY = "h2.bindAddress";

	static final String LOOPBACK = "127.0.0.1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		keepOnLoopback();
	}

	static void keepOnLoopback() {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, LOOPBACK);
		}
	}

}
