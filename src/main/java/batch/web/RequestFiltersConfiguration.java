package batch.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters every request passes before the security chain (order -100) and Spring MVC: the
 * audit outermost, so that it sees every answer; then the body limit, before anything reads a
 * body (Spring's form filter, at -9900, reads some).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RequestFiltersConfiguration {

	@Bean
	FilterRegistrationBean<ApiAuditFilter> apiAuditFilter() {
		FilterRegistrationBean<ApiAuditFilter> registration = new FilterRegistrationBean<>(new ApiAuditFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
