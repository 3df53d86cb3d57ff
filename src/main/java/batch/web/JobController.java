package batch.web;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batch.operations.ExecutionReport;
import batch.operations.OperationRefusedException;
import batch.operations.Refusal;
import batch.operations.RunQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The REST trigger: start a run with JSON parameters, follow it, restart, stop or recover it.
 * Runs execute asynchronously in this server's process; answers carry the execution's report.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "batch.api.enabled", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api")
class JobController {

	private static final JsonMapper STRICT_JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final RunActions actions;

	private final RunQueries queries;

	JobController(RunActions actions, RunQueries queries) {
		this.actions = actions;
		this.queries = queries;
	}

	/** {@code {"input": "policies.csv", "exportDir": "out"}}: 202 with the new execution. */
	@Operation(summary = "start a run", description = "The body is a JSON object of the job's parameters, each a "
			+ "string or number: {\"input\": \"policies.csv\", \"exportDir\": \"out\"}, or {\"scope\": \"book\", "
			+ "\"run.id\": \"...\"}. 202 with Location: /api/executions/{id}; 429 with Retry-After when the "
			+ "server runs as many runs as it may.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
			schema = @Schema(type = "object", additionalPropertiesSchema = String.class)))
	@PostMapping("/jobs/{jobName}/executions")
	ResponseEntity<ExecutionReport> start(@PathVariable String jobName, @RequestBody(required = false) String body) {
		// an unknown job is refused before the body is parsed, as RunActions.start would refuse it
		this.queries.job(jobName);
		return accepted(this.actions.start(jobName, parameters(body)));
	}

	// the methods' names are the actions of the audit log (ApiAuditFilter)
	@Operation(summary = "the job's latest runs, newest first")
	@GetMapping("/jobs/{jobName}/executions")
	List<ExecutionReport> list(@PathVariable String jobName,
			@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new OperationRefusedException(Refusal.BAD_REQUEST, "limit must be between 1 and 1000");
		}
		LocalDateTime now = LocalDateTime.now();
		return this.queries.executions(jobName, limit)
			.stream()
			.map((execution) -> this.queries.report(execution, now))
			.toList();
	}

	@Operation(summary = "a run: status, steps and partitions with counts, rates, active, current")
	@GetMapping("/executions/{id}")
	ExecutionReport report(@PathVariable long id) {
		return this.queries.report(id);
	}

	@Operation(summary = "restart a FAILED or STOPPED run", description = "409 INPUT_CHANGED when an input is "
			+ "not the file the run read.")
	@PostMapping("/executions/{id}/restart")
	ResponseEntity<ExecutionReport> restart(@PathVariable long id) {
		return accepted(this.actions.restart(id));
	}

	@Operation(summary = "stop a running run after its chunks in flight")
	@PostMapping("/executions/{id}/stop")
	ResponseEntity<ExecutionReport> stop(@PathVariable long id) {
		this.actions.stop(id);
		return ResponseEntity.accepted().body(this.queries.report(id));
	}

	@Operation(summary = "mark a run whose process died as FAILED, so that it can be restarted",
			description = "Refused while its process may be alive, unless force=true.")
	@PostMapping("/executions/{id}/recover")
	ExecutionReport recover(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force) {
		this.actions.recover(id, force);
		return this.queries.report(id);
	}

	// an id, a limit or a flag that is not one: a 400 that names it, as a bad job parameter gets
	@ExceptionHandler
	ResponseEntity<ProblemDetail> notOfItsType(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		String value = String.valueOf(ex.getValue());
		return refused(request, new OperationRefusedException(Refusal.BAD_REQUEST, ex.getName() + " must be "
				+ ((ex.getRequiredType() == boolean.class) ? "true or false" : "a whole number") + ", not '"
				+ ((value.length() > 40) ? value.substring(0, 40) + "..." : value) + "'"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(HttpServletRequest request, OperationRefusedException ex) {
		HttpStatus status = switch (ex.refusal()) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case NO_SUCH_JOB, NO_SUCH_EXECUTION -> HttpStatus.NOT_FOUND;
			case RUNNING, WRONG_STATE, INPUT_CHANGED -> HttpStatus.CONFLICT;
			case TOO_MANY_RUNS -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setProperty("refusal", ex.refusal().name());
		request.setAttribute(ApiAuditFilter.REFUSAL, ex.refusal().name());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (ex.refusal() == Refusal.TOO_MANY_RUNS) {
			// runs take minutes: a client polling sooner would only be refused again
			answer.header(HttpHeaders.RETRY_AFTER, "30");
		}
		return answer.body(problem);
	}

	private ResponseEntity<ExecutionReport> accepted(JobExecution execution) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/executions/" + execution.getId()))
			.body(this.queries.report(execution, LocalDateTime.now()));
	}

	// A JSON object of scalar values, each named once (a second value for a name would silently
	// win: the run would not be the one asked for): job parameters are strings.
	private static Map<String, String> parameters(String text) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return parameters;
		}
		JsonNode body;
		try {
			body = STRICT_JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new OperationRefusedException(Refusal.BAD_REQUEST,
					"the body is not valid JSON: " + ex.getOriginalMessage().lines().findFirst().orElse(""));
		}
		if (body == null || body.isNull()) {
			return parameters;
		}
		if (!body.isObject()) {
			throw new OperationRefusedException(Refusal.BAD_REQUEST,
					"the body must be a JSON object of parameters, e.g. {\"input\": \"policies.csv\"}");
		}
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			JsonNode value = entry.getValue();
			if (!value.isValueNode() || value.isNull()) {
				throw new OperationRefusedException(Refusal.BAD_REQUEST,
						"parameter " + entry.getKey() + " must be a string, a number or a boolean");
			}
			parameters.put(entry.getKey(), value.asString());
		}
		return parameters;
	}

}
