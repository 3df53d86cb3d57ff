package batch.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import batch.domain.cashflow.MarketDataRow;
import batch.reader.ActusDictionary;
import batch.reader.CsvFile;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The parameters of cashFlowJob and their checks: names and values at every launch and restart;
 * the input files and the export directory before a new run, so that a bad file stops it
 * before anything is written.
 */
public final class CashFlowJobParameters implements JobParametersValidator, JobPreflight {

	/** The contracts CSV (identifying). */
	public static final String INPUT = "input";

	/** The rate observations CSV (identifying). */
	public static final String OBSERVATIONS = "observations";

	/** The yield curves CSV (identifying). */
	public static final String CURVES = "curves";

	/** The date to value on, yyyy-MM-dd (identifying); absent: each contract's status date. */
	public static final String VALUATION_DATE = "valuationDate";

	/**
	 * The last date to project to, yyyy-MM-dd (identifying): every contract stops there; absent,
	 * each contract is projected whole, and one without an end (no maturity, no termination) is
	 * rejected (MISSING_HORIZON).
	 */
	public static final String HORIZON = "horizon";

	/** The observed events CSV: call notices, unscheduled payments (identifying, optional). */
	public static final String EVENTS = "events";

	/** Where to write the three CSV exports (not identifying). */
	public static final String EXPORT_DIR = "exportDir";

	/** A unique id that makes each {@code cashflow} invocation a new run (identifying). */
	public static final String RUN_ID = "run.id";

	/** What a valuation date must be: the engine schedules events in the years 1900 to 5000. */
	public static final String VALUATION_DATE_RULE = "a date as yyyy-MM-dd from 1900-01-01 to 4999-12-31";

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(4999, 12, 31);

	private static final List<String> NAMES = List.of(INPUT, OBSERVATIONS, CURVES, VALUATION_DATE, HORIZON, EVENTS,
			EXPORT_DIR, RUN_ID);

	private final ActusDictionary dictionary;

	public CashFlowJobParameters(ActusDictionary dictionary) {
		this.dictionary = dictionary;
	}

	@Override
	public String jobName() {
		return "cashFlowJob";
	}

	/**
	 * The date a valuation date parameter gives, or null if it gives none: exactly yyyy-MM-dd
	 * (no sign, no time, no other order), a day that exists, within {@link #VALUATION_DATE_RULE}.
	 */
	public static LocalDate valuationDate(String value) {
		if (value == null || !value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			return (date.isBefore(EARLIEST) || date.isAfter(LATEST)) ? null : date;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@Override
	public void validate(JobParameters parameters) throws InvalidJobParametersException {
		ParameterChecks.onlyKnownNames(jobName(), parameters, NAMES);
		ParameterChecks.values(parameters);
		for (String name : List.of(INPUT, OBSERVATIONS, CURVES)) {
			String value = parameters.getString(name);
			if (value == null) {
				throw new InvalidJobParametersException("cashFlowJob needs " + name + ": the path of the file");
			}
			ParameterChecks.path(name, value);
		}
		String valuationDate = parameters.getString(VALUATION_DATE);
		if (valuationDate != null && valuationDate(valuationDate) == null) {
			throw new InvalidJobParametersException(VALUATION_DATE + " must be " + VALUATION_DATE_RULE + ", not '"
					+ ParameterChecks.shown(valuationDate) + "'");
		}
		String horizon = parameters.getString(HORIZON);
		if (horizon != null && valuationDate(horizon) == null) {
			throw new InvalidJobParametersException(HORIZON + " must be " + VALUATION_DATE_RULE + ", not '"
					+ ParameterChecks.shown(horizon) + "'");
		}
		String events = parameters.getString(EVENTS);
		if (events != null) {
			ParameterChecks.path(EVENTS, events);
		}
		String exportDir = parameters.getString(EXPORT_DIR);
		if (exportDir != null) {
			ParameterChecks.path(EXPORT_DIR, exportDir);
		}
	}

	@Override
	public void check(JobParameters parameters) throws InvalidJobParametersException {
		validate(parameters);
		ParameterChecks.inputFile(INPUT, new CsvFile(path(parameters, INPUT), this.dictionary.contractsHeader()));
		ParameterChecks.inputFile(OBSERVATIONS,
				new CsvFile(path(parameters, OBSERVATIONS), MarketDataRow.OBSERVATIONS_HEADER));
		ParameterChecks.inputFile(CURVES, new CsvFile(path(parameters, CURVES), MarketDataRow.CURVES_HEADER));
		if (parameters.getString(EVENTS) != null) {
			ParameterChecks.inputFile(EVENTS, new CsvFile(path(parameters, EVENTS), MarketDataRow.EVENTS_HEADER));
		}
		String exportDir = parameters.getString(EXPORT_DIR);
		if (exportDir != null) {
			ParameterChecks.writableDirectory(EXPORT_DIR, exportDir);
		}
	}

	private static Path path(JobParameters parameters, String name) {
		return Path.of(parameters.getString(name));
	}

}
