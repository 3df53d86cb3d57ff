package batch.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
 * configured token ({@link ApiToken}); without it, or with another, the answer is 401. Only the
 * two probes that Kubernetes calls, which say UP or DOWN and nothing else, are open: the kubelet
 * sends no token. The
 * console's pages, which sign in with the same token into a session, have a chain of their own
 * (batch.web.console), ordered before this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ApiProperties.class)
class BearerTokenSecurityConfiguration {

	private static final String BEARER = "Bearer ";

	/**
	 * The liveness and readiness probes (health groups, application.yml): a status, without
	 * details, as long as the health endpoint shows details only to an authorized caller.
	 */
	static final String[] PROBES = { "/actuator/health/liveness", "/actuator/health/readiness" };

	@Bean
	ApiToken apiToken(ApiProperties properties, Environment environment) {
		return new ApiToken(properties, environment);
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiToken token) throws Exception {
		AuthenticationManager tokens = (authentication) -> {
			if (!token.matches(String.valueOf(authentication.getCredentials()))) {
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
				.requestMatchers(HttpMethod.GET, PROBES)
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

}
