package batch.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A setting that must be one of a few words, and is not, is named with its environment variable
 * and the words it may be, without the value given.
 */
class StartupFailureTests {

	@Test
	void aSettingOutsideItsChoicesIsNamedWithTheChoices() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("batch.partitioning", "bogus")));

		BindException error = catchThrowableOfType(BindException.class,
				() -> binder.bind("batch.partitioning", Bindable.of(Mode.class)));

		assertThat(StartupFailure.describe(new IllegalStateException("context failed", error))).isEqualTo(
				"invalid setting batch.partitioning (BATCH_PARTITIONING): must be 'local' or 'remote'");
	}

	@Test
	void aSettingOfManyChoicesListsThemAll() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("batch.remote.some-choice", "x")));

		BindException error = catchThrowableOfType(BindException.class,
				() -> binder.bind("batch.remote.some-choice", Bindable.of(Frequency.class)));

		assertThat(StartupFailure.describe(error)).isEqualTo("invalid setting batch.remote.some-choice "
				+ "(BATCH_REMOTE_SOME_CHOICE): must be 'yearly', 'half_yearly' or 'monthly'");
	}

	enum Mode {

		LOCAL, REMOTE

	}

	enum Frequency {

		YEARLY, HALF_YEARLY, MONTHLY

	}

}
