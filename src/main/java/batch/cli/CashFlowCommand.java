package batch.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;

import batch.job.CashFlowJobParameters;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;

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
		JobParametersBuilder parameters = new JobParametersBuilder()
			.addString(CashFlowJobParameters.INPUT, absolute(this.input))
			.addString(CashFlowJobParameters.OBSERVATIONS, absolute(this.observations))
			.addString(CashFlowJobParameters.CURVES, absolute(this.curves))
			.addString(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString());
		if (this.valuationDate != null) {
			parameters.addString(CashFlowJobParameters.VALUATION_DATE, this.valuationDate.toString());
		}
		if (this.exportDir != null) {
			parameters.addString(CashFlowJobParameters.EXPORT_DIR, absolute(this.exportDir), false);
		}
		return this.spring.bean(JobRunner.class)
			.start("cashFlowJob", parameters.toJobParameters(), this.spec.commandLine().getOut(),
					this.spec.commandLine().getErr());
	}

	private static String absolute(Path path) {
		return path.toAbsolutePath().normalize().toString();
	}

}
