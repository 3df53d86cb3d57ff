package batch.web;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST trigger's settings.
 *
 * @param token the bearer token every request must carry ({@code BATCH_API_TOKEN}); required
 * outside the {@code dev} profile, at least 16 characters
 * @param inputDirectory the directory that the files a request names (input, observations,
 * curves, export directory) must be inside; relative names are resolved against it
 */
@ConfigurationProperties("batch.api")
record ApiProperties(String token, @DefaultValue(".") String inputDirectory) {

	// A string, not bound as a Path: in a web application Spring would resolve it against the
	// servlet context, not the working directory.
	public Path inputPath() {
		return Path.of(this.inputDirectory);
	}

}
