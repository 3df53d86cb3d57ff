package batch.web;

import java.net.URI;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every problem document names its {@code type}: Spring leaves it out when nothing set it, and
 * RFC 7807's {@code about:blank} (the status says it all) is what an absent type means.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ProblemDetailsConfiguration implements WebMvcConfigurer {

	private static final URI BLANK = URI.create("about:blank");

	// for every problem Spring MVC writes: its own refusals, the API's, the error page's
	@Override
	public void addErrorResponseInterceptors(List<ErrorResponse.Interceptor> interceptors) {
		interceptors.add((problem, error) -> {
			if (problem.getType() == null) {
				problem.setType(BLANK);
			}
		});
	}

}
