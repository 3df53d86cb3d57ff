package batch.web.console;

import batch.web.ApiAuditFilter;
import batch.web.ApiToken;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's pages sign in with the server's token into a session: a cookie that is HttpOnly
 * and SameSite=Strict (application.yml), a CSRF token in every form, a new session at sign-in.
 * Ordered before the API's chain, and only for the console's paths: the API stays bearer-only,
 * and a session cookie opens none of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurityConfiguration {

	static final String[] PATHS = { "/", "/runs", "/runs/**", "/start", "/workers", "/login", "/logout",
			"/console/**" };

	@Bean
	@Order(1)
	SecurityFilterChain consoleSecurity(HttpSecurity http, ApiToken token) throws Exception {
		AuthenticationManager tokens = (authentication) -> {
			if (!token.matches(String.valueOf(authentication.getCredentials()))) {
				throw new BadCredentialsException("wrong token");
			}
			return UsernamePasswordAuthenticationToken.authenticated("operator", null,
					AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));
		};
		return http.securityMatcher(PATHS)
			.authenticationManager(tokens)
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("operator")
				.passwordParameter("token")
				.defaultSuccessUrl("/runs", true)
				.failureHandler((request, response, refusal) -> {
					request.setAttribute(ApiAuditFilter.REFUSAL, "INVALID_TOKEN");
					response.sendRedirect(request.getContextPath() + "/login?error");
				})
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.newSession()))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				// the sign-in page with its ?error or ?signedOut too, which the form login's own rule misses
				.requestMatchers("/login", "/console/**")
				.permitAll()
				.anyRequest()
				.hasRole("OPERATOR"))
			// the pages load their style and script from here alone, and are framed nowhere
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

}
