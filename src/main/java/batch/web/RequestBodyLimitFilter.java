package batch.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link #LIMIT} with 413: at once when its Content-Length says so,
 * without reading it; otherwise (a chunked body) after reading no more than the limit and one
 * byte. A body within the limit is read here and handed on from memory.
 * <p>
 * A filter, because Tomcat has no limit that applies: {@code server.tomcat.max-http-form-post-size}
 * bounds only the bodies Tomcat parses itself (forms and multipart), and
 * {@code max-swallow-size} only what it discards after an answer; a JSON body read through the
 * request's stream has no bound at all, and Spring's message converters read it whole. Reading it
 * here, bounded, is also what lets the refusal be a 413 rather than the 400 of a body that
 * failed to read half way.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** The largest body accepted: an API request's body is a few parameters. */
	static final int LIMIT = 64 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > LIMIT) {
			refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", tooLarge());
			return;
		}
		// a form (the console's) is Tomcat's to parse, within server.tomcat.max-http-form-post-size,
		// the same limit: read here, its parameters would be lost to the request
		if (request.getContentLengthLong() == 0 || isForm(request)) {
			chain.doFilter(request, response);
			return;
		}
		// a length within the limit, or none: Tomcat ends the stream there, or at the last chunk
		byte[] body;
		try {
			InputStream in = request.getInputStream();
			body = in.readNBytes(LIMIT);
			if (body.length == LIMIT && in.read() != -1) {
				refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", tooLarge());
				return;
			}
		}
		catch (IOException ex) {
			// a body cut short, or sent too slowly for the connection's timeout
			refuse(request, response, HttpStatus.BAD_REQUEST, "BODY_UNREADABLE",
					"the request body could not be read to its end");
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

	private static String tooLarge() {
		return "the request body is over " + (LIMIT / 1024) + " KB: the API takes a JSON object of a few parameters";
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String refusal, String detail) throws IOException {
		request.setAttribute(ApiAuditFilter.REFUSAL, refusal);
		request.setAttribute(ProblemErrorController.DETAIL, detail);
		response.sendError(status.value());
	}

	/** The request with its body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body was read already: read it blocking");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

	}

}
