package batch.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every request, API and actuator alike, carries {@code Authorization: Bearer <token>} with the
 * configured token, compared in constant time; without it, or with another, the answer is 401.
 * Outside the {@code dev} profile a server without a token, or with one short or of few different
 * characters, refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ApiProperties.class)
class BearerTokenSecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BearerTokenSecurityConfiguration.class);

	private static final String BEARER = "Bearer ";

	private static final int MIN_TOKEN_LENGTH = 16;

	private static final int MIN_DISTINCT_CHARACTERS = 8;

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiProperties properties, Environment environment)
			throws Exception {
		byte[] expected = token(properties, environment).getBytes(StandardCharsets.UTF_8);
		AuthenticationManager tokens = (authentication) -> {
			byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
			if (!MessageDigest.isEqual(given, expected)) {
				throw new BadCredentialsException("wrong bearer token");
			}
			return UsernamePasswordAuthenticationToken.authenticated("api", null,
					AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));
		};
		AuthenticationFilter bearer = new AuthenticationFilter(tokens, BearerTokenSecurityConfiguration::bearerToken);
		bearer.setSuccessHandler((request, response, authentication) -> {
			// continue the chain: the request itself is what was asked
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(BearerTokenSecurityConfiguration::refuse));
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			// the error page renders the refusals (ProblemErrorController): the request it renders
			// for was authenticated, or refused, already
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(BearerTokenSecurityConfiguration::refuse))
			.build();
	}

	// A 401 with the challenge of RFC 6750, sent as an error, so that the error page answers it as
	// problem details like every other refusal; the audit line says which refusal it was.
	private static void refuse(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException refusal) throws IOException {
		boolean given = refusal instanceof BadCredentialsException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, given ? "Bearer error=\"invalid_token\"" : "Bearer");
		request.setAttribute(ApiAuditFilter.REFUSAL, given ? "INVALID_TOKEN" : "MISSING_TOKEN");
		request.setAttribute(ProblemErrorController.DETAIL, given ? "the bearer token is not this server's"
				: "this request needs the header Authorization: Bearer <token>, with the server's token");
		response.sendError(HttpStatus.UNAUTHORIZED.value());
	}

	// A request without a bearer token is not authenticated here, and the entry point answers 401.
	private static Authentication bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return UsernamePasswordAuthenticationToken.unauthenticated("api", header.substring(BEARER.length()).strip());
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
