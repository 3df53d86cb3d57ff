package batch.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An execution id as the command line takes it: a whole number from 1, in plain digits. Anything
 * else (a sign, an exponent, a fraction, more digits than a long holds) is bad usage, refused
 * before the application starts, not an unknown execution.
 */
final class ExecutionIdConverter implements ITypeConverter<Long> {

	@Override
	public Long convert(String value) {
		if (!value.matches("[0-9]{1,19}")) {
			throw notAnId(value);
		}
		long id;
		try {
			id = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw notAnId(value);
		}
		if (id < 1) {
			throw notAnId(value);
		}
		return id;
	}

	private static TypeConversionException notAnId(String value) {
		String shown = (value.length() > 40) ? value.substring(0, 40) + "..." : value;
		return new TypeConversionException("'" + shown + "' is not an execution id: a whole number from 1");
	}

}
