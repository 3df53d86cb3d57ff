package batch.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import batch.shared.RootCause;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
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

	private static String kebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse(message) : "unknown error";
	}

}
