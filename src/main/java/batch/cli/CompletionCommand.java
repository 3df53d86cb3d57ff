package batch.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch completion bash}: a bash completion script of every command and option, made by
 * picocli's own generator from the command line's model, so that it never falls behind it.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
		description = "Print a shell completion script: source <(./batch completion bash)")
class CompletionCommand implements Callable<Integer> {

	/** The shells a script is made for. */
	enum Shell {
		bash
	}

	@Parameters(index = "0", paramLabel = "<shell>", description = "bash (which zsh reads too, after bashcompinit)")
	private Shell shell;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		String script = AutoComplete.bash("batch", this.spec.root().commandLine());
		// the launcher is run as ./batch from the project's directory: complete it under that name too
		this.spec.commandLine().getOut().print(script);
		this.spec.commandLine().getOut().println("complete -F _complete_batch -o default ./batch");
		this.spec.commandLine().getOut().flush();
		return ExitCodes.COMPLETED;
	}

}
