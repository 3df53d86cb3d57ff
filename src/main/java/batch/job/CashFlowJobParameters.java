package batch.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import batch.domain.cashflow.MarketDataRow;
import batch.reader.ActusDictionary;
import batch.reader.CsvFile;
import batch.reader.InputFileException;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The parameters of cashFlowJob and their checks: names and values at every launch and restart;
 * the three input files and the export directory before a new run, so that a bad file stops it
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

	/** Where to write the three CSV exports (not identifying). */
	public static final String EXPORT_DIR = "exportDir";

	/** A unique id that makes each {@code cashflow} invocation a new run (identifying). */
	public static final String RUN_ID = "run.id";

	private static final List<String> NAMES = List.of(INPUT, OBSERVATIONS, CURVES, VALUATION_DATE, EXPORT_DIR, RUN_ID);

	private final ActusDictionary dictionary;

	public CashFlowJobParameters(ActusDictionary dictionary) {
		this.dictionary = dictionary;
	}

	@Override
	public String jobName() {
		return "cashFlowJob";
	}

	@Override
	public void validate(JobParameters parameters) throws InvalidJobParametersException {
		ParameterChecks.onlyKnownNames(jobName(), parameters, NAMES);
		for (String name : List.of(INPUT, OBSERVATIONS, CURVES)) {
			String value = parameters.getString(name);
			if (value == null || value.isBlank()) {
				throw new InvalidJobParametersException("cashFlowJob needs " + name + ": the path of the file");
			}
			ParameterChecks.path(name, value);
		}
		String valuationDate = parameters.getString(VALUATION_DATE);
		if (valuationDate != null) {
			try {
				LocalDate.parse(valuationDate);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidJobParametersException(VALUATION_DATE + " must be a date as yyyy-MM-dd");
			}
		}
		String exportDir = parameters.getString(EXPORT_DIR);
		if (exportDir != null) {
			ParameterChecks.path(EXPORT_DIR, exportDir);
		}
	}

	@Override
	public void check(JobParameters parameters) throws InvalidJobParametersException {
		validate(parameters);
		try {
			new CsvFile(Path.of(parameters.getString(INPUT)), this.dictionary.contractsHeader()).check();
			new CsvFile(Path.of(parameters.getString(OBSERVATIONS)), MarketDataRow.OBSERVATIONS_HEADER).check();
			new CsvFile(Path.of(parameters.getString(CURVES)), MarketDataRow.CURVES_HEADER).check();
		}
		catch (InputFileException ex) {
			throw new InvalidJobParametersException(ex.getMessage());
		}
		String exportDir = parameters.getString(EXPORT_DIR);
		if (exportDir != null) {
			ParameterChecks.writableDirectory(EXPORT_DIR, exportDir);
		}
	}

}
