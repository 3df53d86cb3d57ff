package batch.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line on the logger {@code batch.audit} for each request to the API, each post of the console
 * (its actions and sign-ins), and each other request
 * refused or failed (a bearer token missing or wrong, a body too large, an unknown URL): the
 * caller's address, the request (method and path, never the query, the headers or the body),
 * the action with its job or execution, the execution it started, and the answer's status with the
 * refusal's code. Refusals before an endpoint, and server errors, at WARN; the rest at INFO.
 * Answered reads of the actuator (health probes, metric scrapes) are not audited: they would drown
 * the rest.
 * <p>
 * Outermost of the filters, so that it sees the answer of every one inside: the security chain's
 * 401, the body limit's 413. The action and its ids are what Spring MVC found for the request
 * (the handler method's name and the path's variables), read here after it has answered; who
 * refuses a request names the refusal in {@link #REFUSAL}.
 */
public final class ApiAuditFilter extends OncePerRequestFilter {

	/** The request attribute with the code of a refusal, for the audit line. */
	public static final String REFUSAL = ApiAuditFilter.class.getName() + ".refusal";

	private static final Logger audit = LoggerFactory.getLogger("batch.audit");

	private static final String EXECUTIONS = "/api/executions/";

	private static final int LONGEST = 200;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean answered = false;
		try {
			chain.doFilter(request, response);
			answered = true;
		}
		finally {
			// an exception out of the chain becomes the container's 500
			record(request, answered ? response.getStatus() : 500, response);
		}
	}

	private static void record(HttpServletRequest request, int status, HttpServletResponse response) {
		Object refusal = request.getAttribute(REFUSAL);
		String path = request.getRequestURI();
		// the console's actions and sign-ins are posts: audited like the API's
		if (!path.startsWith("/api/") && !"POST".equals(request.getMethod()) && refusal == null && status < 400) {
			return;
		}
		StringBuilder line = new StringBuilder("caller=").append(request.getRemoteAddr())
			.append(" request=\"")
			.append(escaped(request.getMethod()))
			.append(' ')
			.append(escaped(path))
			.append('"');
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (handler instanceof HandlerMethod method && JobController.class.isAssignableFrom(method.getBeanType())) {
			line.append(" action=").append(method.getMethod().getName());
			if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
				append(line, "job", variables.get("jobName"));
				append(line, "execution", variables.get("id"));
			}
		}
		String location = response.getHeader(HttpHeaders.LOCATION);
		if (location != null && location.startsWith(EXECUTIONS)) {
			append(line, "started", location.substring(EXECUTIONS.length()));
		}
		line.append(" status=").append(status);
		append(line, "refusal", refusal);
		// refused before any endpoint: the token, the body
		if ((refusal != null && handler == null) || status >= 500) {
			audit.warn("{}", line);
		}
		else {
			audit.info("{}", line);
		}
	}

	private static void append(StringBuilder line, String key, Object value) {
		if (value != null) {
			line.append(' ').append(key).append('=').append(escaped(value.toString()));
		}
	}

	// The path's variables are decoded: a line break or a quote in them must not make a line of
	// its own or end a field. Only printable ASCII other than quotes and backslashes is kept.
	private static String escaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.codePoints().limit(LONGEST).forEach((c) -> {
			if (c > ' ' && c < 0x7f && c != '"' && c != '\\') {
				escaped.appendCodePoint(c);
			}
			else {
				escaped.append(String.format(Locale.ROOT, Character.isBmpCodePoint(c) ? "\\u%04x" : "\\U%08x", c));
			}
		});
		return (text.codePointCount(0, text.length()) > LONGEST) ? escaped + "..." : escaped.toString();
	}

}
