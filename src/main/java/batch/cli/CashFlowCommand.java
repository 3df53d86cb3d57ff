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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch cashflow <contracts.csv> --observations F --curves F [--valuation-date D]
 * [--export-dir DIR]}: a new run of cashFlowJob.
 */
@Command(name = "cashflow", mixinStandardHelpOptions = true,
		description = "Import ACTUS contracts and market data, project every contract's cash-flow events, value them "
				+ "on the yield curves and upsert them. Each invocation is a new run.")
class CashFlowCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<contracts.csv>", description = "contracts, one per row, ACTUS term headers")
	private Path input;

	@Option(names = "--observations", required = true, paramLabel = "F",
			description = "rate observations: market_object_code,date,value")
	private Path observations;

	@Option(names = "--curves", required = true, paramLabel = "F", description = "zero curves: currency,tenor,zero_rate")
	private Path curves;

	@Option(names = "--valuation-date", paramLabel = "D",
			description = "value on this date (yyyy-MM-dd); default: each contract's statusDate")
	private LocalDate valuationDate;

	@Option(names = "--export-dir", paramLabel = "DIR",
			description = "also write cash-flows.csv, valuations.csv and rejects.csv there")
	private Path exportDir;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	CashFlowCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(CashFlowJobParameters.INPUT, this.input.toString());
		parameters.put(CashFlowJobParameters.OBSERVATIONS, this.observations.toString());
		parameters.put(CashFlowJobParameters.CURVES, this.curves.toString());
		parameters.put(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString());
		if (this.valuationDate != null) {
			parameters.put(CashFlowJobParameters.VALUATION_DATE, this.valuationDate.toString());
		}
		if (this.exportDir != null) {
			parameters.put(CashFlowJobParameters.EXPORT_DIR, this.exportDir.toString());
		}
		return this.spring.bean(JobRunner.class)
			.start("cashFlowJob", LaunchParameters.of(parameters, Path.of("")), this.spec.commandLine().getOut(),
					this.spec.commandLine().getErr());
	}

}
