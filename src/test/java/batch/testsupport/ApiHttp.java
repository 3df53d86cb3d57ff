package batch.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The REST API over plain HTTP, as a script calls it: the bearer token on every request. */
public final class ApiHttp {

	private final int port;

	private final String token;

	private final HttpClient client = HttpClient.newHttpClient();

	public ApiHttp(int port, String token) {
		this.port = port;
		this.token = token;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + this.token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A POST of a JSON body. */
	public HttpResponse<String> post(String path, String body) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
