package batch.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page as RFC 7807 problem details, in place
 * of Spring Boot's error controller: the 401 of the bearer token, the 413 of a body too large, a
 * request the firewall rejected, an exception nothing handled. Errors inside Spring MVC (an
 * unknown URL, a method not allowed) are problem details already
 * ({@code spring.mvc.problemdetails.enabled}); these happen before it or after it.
 * The detail is what the code that refused set in {@link #DETAIL}, or a fixed sentence: never an
 * exception's message, which may name classes or carry the framework's internal texts.
 */
@RestController
@ConditionalOnWebApplication
class ProblemErrorController implements ErrorController {

	/** The request attribute with the problem's detail, written for the caller. */
	static final String DETAIL = ProblemErrorController.class.getName() + ".detail";

	@RequestMapping("${spring.web.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		String path = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) ? uri
				: request.getRequestURI();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(request.getAttribute(DETAIL) instanceof String detail) ? detail : detail(status, path));
		problem.setInstance(instance(path));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	// the error page asked for directly has no error: there is nothing there
	private static HttpStatus status(HttpServletRequest request) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = HttpStatus.resolve(code);
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(HttpStatus status, String path) {
		return switch (status) {
			case UNAUTHORIZED -> "this request needs the header Authorization: Bearer <token>, with the server's token";
			case NOT_FOUND -> "there is nothing at " + path;
			case PAYLOAD_TOO_LARGE -> "the request is too large";
			default -> status.is5xxServerError() ? "the server could not answer this request: its log says why"
					: "the request was refused: " + status.getReasonPhrase();
		};
	}

	private static URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			// a path the container let through but that is not a URI reference: leave it out
			return null;
		}
	}

}
