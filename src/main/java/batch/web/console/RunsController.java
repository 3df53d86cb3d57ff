package batch.web.console;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import batch.operations.ExecutionReport;
import batch.operations.OperationRefusedException;
import batch.operations.RunQueries;
import batch.web.RunActions;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's runs: the list, newest first, filtered by job and status; a run with its steps
 * and partitions, live while it runs; and stop, restart and recover, each confirmed first and
 * refused for the command line's reasons.
 */
@Controller
@ConditionalOnWebApplication
class RunsController {

	static final int PAGE = 25;

	private static final Set<String> ACTIONS = Set.of("stop", "restart", "recover");

	private final RunQueries queries;

	private final ConsoleQueries console;

	private final RunActions actions;

	private final ConsoleFormat format;

	RunsController(RunQueries queries, ConsoleQueries console, RunActions actions, ConsoleFormat format) {
		this.queries = queries;
		this.console = console;
		this.actions = actions;
		this.format = format;
	}

	@ModelAttribute("format")
	ConsoleFormat format() {
		return this.format;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/runs";
	}

	@GetMapping("/login")
	String signIn() {
		return "console/login";
	}

	@GetMapping("/runs")
	String runs(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String jobName = blankToNull(job);
		String statusName = blankToNull(status);
		if (statusName != null && !isStatus(statusName)) {
			statusName = null;
		}
		int from = Math.max(0, page) * PAGE;
		List<Long> ids = this.console.executionIds(jobName, statusName, PAGE + 1, from);
		LocalDateTime now = LocalDateTime.now();
		List<RunSummary> runs = ids.stream()
			.limit(PAGE)
			.map((id) -> RunSummary.of(this.queries.report(this.queries.execution(id), now), this.format))
			.toList();
		model.addAttribute("runs", runs);
		model.addAttribute("jobs", this.console.jobNames());
		model.addAttribute("statuses", BatchStatus.values());
		model.addAttribute("job", jobName);
		model.addAttribute("status", statusName);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("more", ids.size() > PAGE);
		return "console/runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("run", this.queries.report(id));
		return "console/run";
	}

	/** The part of a run's page that changes while it runs, for the page's script to swap in. */
	@GetMapping("/runs/{id}/live")
	String live(@PathVariable long id, Model model) {
		model.addAttribute("run", this.queries.report(id));
		return "console/run :: live";
	}

	@GetMapping("/runs/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam String action, Model model) {
		if (!ACTIONS.contains(action)) {
			return "redirect:/runs/" + id;
		}
		model.addAttribute("run", this.queries.report(id));
		model.addAttribute("action", action);
		return "console/confirm";
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.actions.stop(id), "asked to stop: its partitions end after their chunks in flight");
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.actions.restart(id), "restarted as this run");
	}

	@PostMapping("/runs/{id}/recover")
	String recover(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.actions.recover(id, force), "recovered: marked FAILED, ready to restart");
	}

	private interface Action {

		JobExecution run();

	}

	// the execution the action leaves to look at (a restart's new one), with what happened
	private static String act(long id, RedirectAttributes redirect, Action action, String done) {
		try {
			JobExecution execution = action.run();
			long shown = (execution != null) ? execution.getId() : id;
			redirect.addFlashAttribute("notice", "Run " + id + " " + done + ".");
			return "redirect:/runs/" + shown;
		}
		catch (OperationRefusedException ex) {
			redirect.addFlashAttribute("refusal", ex.getMessage());
			return "redirect:/runs/" + id;
		}
	}

	private static boolean isStatus(String name) {
		for (BatchStatus status : BatchStatus.values()) {
			if (status.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
