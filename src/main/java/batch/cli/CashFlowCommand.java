package batch.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import batch.job.CashFlowJobParameters;
import batch.operations.LaunchParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./batch cashflow <contracts.csv> --observations F --curves F [--valuation-date D]
 * [--horizon D] [--events F] [--export-dir DIR]}: a new run of cashFlowJob.
 */
@Command(name = "cashflow", mixinStandardHelpOptions = true,
		description = "Import ACTUS contracts and market data, project every contract's cash-flow events, value them "
				+ "on the yield curves and upsert them. Each invocation is a new run.")
class CashFlowCommand implements Callable<Integer> {

	// Paths as text, checked with the job's parameters: a name the file system refuses gets the
	// message of the parameter, not a converter's exception.
	@Parameters(index = "0", paramLabel = "<contracts.csv>", description = "contracts, one per row, ACTUS term headers")
	private String input;

	@Option(names = "--observations", required = true, paramLabel = "F",
			description = "rate observations: market_object_code,date,value")
	private String observations;

	@Option(names = "--curves", required = true, paramLabel = "F", description = "zero curves: currency,tenor,zero_rate")
	private String curves;

	@Option(names = "--valuation-date", paramLabel = "D", converter = ValuationDate.class,
			description = "value on this date (yyyy-MM-dd, 1900 to 4999); default: each contract's statusDate")
	private LocalDate valuationDate;

	@Option(names = "--horizon", paramLabel = "D", converter = ValuationDate.class,
			description = "project every contract up to this date (yyyy-MM-dd); needed by contracts without a "
					+ "maturity (UMP, CLM without notice, STK, COM, CSH); default: each contract whole")
	private LocalDate horizon;

	@Option(names = "--events", paramLabel = "F",
			description = "observed events (call notices, unscheduled payments): contract_id,time,type,value")
	private String events;

	@Option(names = "--export-dir", paramLabel = "DIR",
			description = "also write cash-flows.csv, valuations.csv and rejects.csv there")
	private String exportDir;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	CashFlowCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(CashFlowJobParameters.INPUT, this.input);
		parameters.put(CashFlowJobParameters.OBSERVATIONS, this.observations);
		parameters.put(CashFlowJobParameters.CURVES, this.curves);
		parameters.put(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString());
		if (this.valuationDate != null) {
			parameters.put(CashFlowJobParameters.VALUATION_DATE, this.valuationDate.toString());
		}
		if (this.horizon != null) {
			parameters.put(CashFlowJobParameters.HORIZON, this.horizon.toString());
		}
		if (this.events != null) {
			parameters.put(CashFlowJobParameters.EVENTS, this.events);
		}
		if (this.exportDir != null) {
			parameters.put(CashFlowJobParameters.EXPORT_DIR, this.exportDir);
		}
		return this.spring.bean(JobRunner.class)
			.start("cashFlowJob", LaunchParameters.of(parameters, Path.of("")), this.spec.commandLine().getOut(),
					this.spec.commandLine().getErr());
	}

	/** The job's rule for a valuation date or horizon, applied as the command line is read. */
	static final class ValuationDate implements ITypeConverter<LocalDate> {

		@Override
		public LocalDate convert(String value) {
			LocalDate date = CashFlowJobParameters.valuationDate(value);
			if (date == null) {
				throw new TypeConversionException(
						"'" + value + "' is not " + CashFlowJobParameters.VALUATION_DATE_RULE);
			}
			return date;
		}

	}

}
