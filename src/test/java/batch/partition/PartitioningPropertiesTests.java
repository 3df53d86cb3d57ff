package batch.partition;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mode is read from {@link Partitioning#PROPERTY}, the name the remote-only beans' conditions
 * use, in any case, local by default; another value does not bind.
 */
class PartitioningPropertiesTests {

	@Test
	void theModeIsReadFromThePropertyTheConditionsName() {
		assertThat(bind(Map.of(Partitioning.PROPERTY, "remote"))).isEqualTo(Partitioning.Mode.REMOTE);
		assertThat(bind(Map.of(Partitioning.PROPERTY, "local"))).isEqualTo(Partitioning.Mode.LOCAL);
	}

	@Test
	void theModeIsReadInAnyCase() {
		assertThat(bind(Map.of(Partitioning.PROPERTY, "REMOTE"))).isEqualTo(Partitioning.Mode.REMOTE);
		assertThat(bind(Map.of(Partitioning.PROPERTY, "Local"))).isEqualTo(Partitioning.Mode.LOCAL);
	}

	@Test
	void theModeIsLocalByDefault() {
		assertThat(bind(Map.of())).isEqualTo(Partitioning.Mode.LOCAL);
	}

	@Test
	void anotherModeDoesNotBind() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(Map.of(Partitioning.PROPERTY, "both")))
			.satisfies((error) -> assertThat(error.getName()).hasToString(Partitioning.PROPERTY));
	}

	private static Partitioning.Mode bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("batch", Bindable.of(PartitioningProperties.class))
			.partitioning();
	}

}
