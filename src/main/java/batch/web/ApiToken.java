package batch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The server's token, which the API takes as a bearer token and the console as its sign-in,
 * compared in constant time. Outside the {@code dev} profile a server without a token, or with
 * one short or of few different characters, refuses to start.
 */
public final class ApiToken {

	private static final Logger logger = LoggerFactory.getLogger(ApiToken.class);

	private static final int MIN_TOKEN_LENGTH = 16;

	private static final int MIN_DISTINCT_CHARACTERS = 8;

	private final byte[] expected;

	ApiToken(ApiProperties properties, Environment environment) {
		this.expected = token(properties, environment).getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the given text is the token. */
	public boolean matches(String given) {
		return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), this.expected);
	}

	private static String token(ApiProperties properties, Environment environment) {
		String token = properties.token();
		if (token == null || token.isBlank()) {
			if (!environment.acceptsProfiles(Profiles.of("dev"))) {
				throw new IllegalStateException("batch.api.token is not set: the server needs a bearer token "
						+ "(BATCH_API_TOKEN, at least " + MIN_TOKEN_LENGTH + " characters, e.g. openssl rand -base64 32)");
			}
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			logger.warn("dev profile without batch.api.token: this server's token is {}", token);
			return token;
		}
		if (token.strip().length() < MIN_TOKEN_LENGTH) {
			throw new IllegalStateException("batch.api.token is too short: use at least " + MIN_TOKEN_LENGTH
					+ " characters, e.g. openssl rand -base64 32");
		}
		// sixteen times the same letter, or a word repeated, is long and guessed all the same;
		// random base64 of 32 bytes has about 30 different characters
		if (token.strip().codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
			throw new IllegalStateException("batch.api.token has fewer than " + MIN_DISTINCT_CHARACTERS
					+ " different characters, so it is easily guessed: make one with openssl rand -base64 32");
		}
		return token.strip();
	}

}
