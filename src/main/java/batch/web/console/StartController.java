package batch.web.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import batch.operations.OperationRefusedException;
import batch.web.RunActions;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starting a run from the console: a job, and its files chosen among those inside the input
 * directory (the API's confinement holds: a name typed in is resolved and checked the same way).
 */
@Controller
@ConditionalOnWebApplication
class StartController {

	// the optional parameters a form may give, beside the job's input
	private static final String[] OPTIONAL = { "observations", "curves", "events", "horizon", "valuationDate",
			"exportDir", "run.id" };

	private final RunActions actions;

	private final JobRegistry jobs;

	StartController(RunActions actions, JobRegistry jobs) {
		this.actions = actions;
		this.jobs = jobs;
	}

	@GetMapping("/start")
	String form(Model model) {
		model.addAttribute("jobs", new TreeSet<>(this.jobs.getJobNames()));
		model.addAttribute("files", this.actions.inputFiles());
		return "console/start";
	}

	@PostMapping("/start")
	String start(@RequestParam String job, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("input", form.getOrDefault("input", ""));
		for (String name : OPTIONAL) {
			String value = RunsController.blankToNull(form.get(name));
			if (value != null) {
				parameters.put(name, value);
			}
		}
		try {
			JobExecution execution = this.actions.start(job, parameters);
			redirect.addFlashAttribute("notice", "Run " + execution.getId() + " of " + job + " started.");
			return "redirect:/runs/" + execution.getId();
		}
		catch (OperationRefusedException ex) {
			redirect.addFlashAttribute("refusal", ex.getMessage());
			return "redirect:/start";
		}
	}

}
