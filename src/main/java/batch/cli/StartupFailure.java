package batch.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import batch.shared.RootCause;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Says in one line why the application could not start: which setting is wrong and why, or that
 * the database cannot be reached. Never a setting's value, which may be a secret.
 */
final class StartupFailure {

	private StartupFailure() {
	}

	static String describe(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return "invalid setting " + reason(bind.getName().toString(), bind.getCause());
			}
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return "cannot use the database (check SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD): "
						+ firstLine(sql.getMessage());
			}
		}
		return RootCause.message(error);
	}

	private static String reason(String prefix, Throwable cause) {
		Class<?> choice = enumTarget(cause);
		if (choice != null) {
			// the conversion's own message names the value and the enum's Java name, neither of use
			return prefix + " (" + environmentVariable(prefix) + "): must be " + choices(choice);
		}
		if (cause instanceof BindValidationException validation) {
			List<String> reasons = new ArrayList<>();
			for (ObjectError objectError : validation.getValidationErrors().getAllErrors()) {
				String name = (objectError instanceof FieldError field) ? prefix + "." + kebab(field.getField()) : prefix;
				reasons.add(name + ": " + objectError.getDefaultMessage());
			}
			return String.join("; ", reasons);
		}
		return prefix + ": " + ((cause != null) ? RootCause.message(cause) : "invalid value");
	}

	private static Class<?> enumTarget(Throwable cause) {
		for (Throwable error = cause; error != null; error = error.getCause()) {
			if (error instanceof ConversionFailedException conversion && conversion.getTargetType().getType().isEnum()) {
				return conversion.getTargetType().getType();
			}
		}
		return null;
	}

	// 'local' or 'remote': the constants as a setting takes them
	private static String choices(Class<?> type) {
		List<String> names = new ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			names.add("'" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "'");
		}
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	// batch.partitioning: BATCH_PARTITIONING, as the README names the settings
	private static String environmentVariable(String name) {
		return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
	}

	private static String kebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse(message) : "unknown error";
	}

}
