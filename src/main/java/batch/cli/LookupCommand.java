package batch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import batch.privacy.PersonalDataProtector;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch lookup --name | --mobile}: the policies of one policyholder, found by the keyed
 * hash of an exact name or mobile number. Names and numbers are stored only as hashes under the
 * configured key, so the lookup finds them with that key and with no other.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true,
		description = { "Find a policyholder's policies by exact name or mobile number.",
				"The value is hashed with the configured key (BATCH_PRIVACY_HASH_KEY) and matched against the stored "
						+ "hashes; it is never stored, logged or printed. Give the option without a value to be asked "
						+ "for it, which keeps it out of the shell's history and the process list." })
class LookupCommand implements Callable<Integer> {

	private static final String ROW = "%-12s %-16s %-12s %s%n";

	@ArgGroup(exclusive = true, multiplicity = "1")
	private Holder holder;

	static class Holder {

		@Option(names = "--name", arity = "0..1", interactive = true, paramLabel = "NAME",
				description = "the holder's name: case, accents and spacing do not matter")
		String name;

		@Option(names = "--mobile", arity = "0..1", interactive = true, paramLabel = "NUMBER",
				description = "the holder's mobile number: only its digits count")
		String mobile;

	}

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	LookupCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		boolean byName = this.holder.name != null;
		if (byName && this.holder.name.isBlank()) {
			throw new CliException(ExitCodes.USAGE, "--name is blank: give the holder's name");
		}
		if (!byName && (this.holder.mobile == null || this.holder.mobile.chars().noneMatch(Character::isDigit))) {
			throw new CliException(ExitCodes.USAGE, "--mobile has no digits: give the holder's mobile number");
		}
		PersonalDataProtector protector = this.spring.bean(PersonalDataProtector.class);
		String hash = byName ? protector.hashName(this.holder.name) : protector.hashMobile(this.holder.mobile);
		// the column is one of two constants; the hash is a bound parameter
		List<String[]> policies = this.spring.bean(JdbcTemplate.class)
			.query("SELECT policy_id, product_code, commencement_date, job_execution_id FROM policy WHERE "
					+ (byName ? "holder_name_hash" : "mobile_hash") + " = ? ORDER BY policy_id",
					(rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) },
					hash);
		PrintWriter out = this.spec.commandLine().getOut();
		if (policies.isEmpty()) {
			out.println("no policy matches: none was written with this " + (byName ? "name" : "mobile number")
					+ " under the configured hash key");
		}
		else {
			out.printf(Locale.ROOT, ROW, "policy_id", "product_code", "commenced", "written by execution");
			for (String[] policy : policies) {
				out.printf(Locale.ROOT, ROW, (Object[]) policy);
			}
		}
		out.flush();
		return ExitCodes.COMPLETED;
	}

}
