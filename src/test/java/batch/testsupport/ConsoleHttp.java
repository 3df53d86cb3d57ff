package batch.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations console over plain HTTP, as a browser without scripts uses it: a session, its forms. */
public final class ConsoleHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public ConsoleHttp(int port) {
		this.port = port;
	}

	/** Signs in with a token, as the sign-in form does: the answer, a redirect either way. */
	public HttpResponse<String> signIn(String token) throws Exception {
		String page = send(get("/login").build()).body();
		return send(post("/login", "token=" + encode(token) + "&_csrf=" + encode(csrf(page))));
	}

	public HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	public HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
	}

	public HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	/** The CSRF token of a page's form. */
	public static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token in the form").isTrue();
		return token.group(1);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
