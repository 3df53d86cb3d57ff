package batch.web.console;

import java.util.List;
import java.util.Map;

import batch.operations.ExecutionReport;
import batch.operations.RejectQueries;
import batch.operations.RejectQueries.RejectedRow;
import batch.operations.RunQueries;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a run left: its rejected rows, counted by reason and paged; and its results, a cash-flow
 * ladder and the largest present values of a cash-flow run, the distribution of IRRs of an
 * illustration run.
 */
@Controller
@ConditionalOnWebApplication
class RunResultsController {

	private static final int REJECTS_PAGE = 50;

	private static final int LARGEST = 15;

	private final RunQueries queries;

	private final ConsoleQueries console;

	private final RejectQueries rejects;

	private final ConsoleFormat format;

	RunResultsController(RunQueries queries, ConsoleQueries console, RejectQueries rejects, ConsoleFormat format) {
		this.queries = queries;
		this.console = console;
		this.rejects = rejects;
		this.format = format;
	}

	@ModelAttribute("format")
	ConsoleFormat format() {
		return this.format;
	}

	@GetMapping("/runs/{id}/rejects")
	String rejects(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ExecutionReport run = this.queries.report(id);
		String code = RunsController.blankToNull(reason);
		int from = Math.max(0, page) * REJECTS_PAGE;
		Map<String, Long> counts = this.rejects.countsByReason(run.instanceId());
		List<RejectedRow> rows = this.rejects.rows(run.instanceId(), code, REJECTS_PAGE + 1, from);
		model.addAttribute("run", run);
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), REJECTS_PAGE)));
		model.addAttribute("reason", code);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("more", rows.size() > REJECTS_PAGE);
		return "console/rejects";
	}

	@GetMapping("/runs/{id}/results")
	String results(@PathVariable long id, Model model) {
		ExecutionReport run = this.queries.report(id);
		model.addAttribute("run", run);
		if (run.jobName().equals("illustrationJob")) {
			model.addAttribute("charts", ConsoleCharts.returns(this.console.returns(run.instanceId())));
			return "console/returns";
		}
		model.addAttribute("charts", ConsoleCharts.ladders(this.console.ladder(run.instanceId())));
		model.addAttribute("largest", this.console.largestValues(run.instanceId(), LARGEST));
		return "console/cashflows";
	}

}
