package batch.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./batch completion bash}: a script that bash reads without error and that completes the
 * commands and the values of their options.
 */
class CompletionCommandTests {

	@Test
	void theBashScriptIsValidAndCompletesCommandsAndOptionValues(@TempDir Path directory) throws Exception {
		Run run = Cli.run("completion", "bash");
		Path script = Files.writeString(directory.resolve("batch-completion.bash"), run.out());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("illustrate", "cashflow", "restart", "status", "executions", "rejects",
				"purge", "completion", "--output", "--reason")
			.contains("complete -F _complete_batch -o default ./batch");
		assertThat(bash("bash -n " + script)).isEmpty();
		assertThat(bash("source " + script + "; COMP_WORDS=(./batch rej); COMP_CWORD=1; _complete_batch 2>/dev/null;"
				+ " echo \"${COMPREPLY[@]}\"")).isEqualTo("rejects\n");
		assertThat(bash("source " + script + "; COMP_WORDS=(./batch status --output ''); COMP_CWORD=3;"
				+ " _complete_batch 2>/dev/null; echo \"${COMPREPLY[@]}\"")).isEqualTo("table json\n");
	}

	@Test
	void anotherShellIsBadUsage() {
		assertThat(Cli.run("completion", "fish").exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	// what bash prints, standard error included; fails if it exits with an error
	private static String bash(String command) throws Exception {
		Process bash = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).as(output).isZero();
		return output;
	}

}
