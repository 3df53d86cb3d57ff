package batch.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI document, made by springdoc from {@link JobController} and served at
 * {@code /v3/api-docs} behind the bearer token like the rest of the API. It describes the API's
 * paths alone: the console's pages and the error page are not an API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI batchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("batch REST API")
				.description("Start, follow, restart, stop and recover runs of the batch jobs (jobs/README.md). "
						+ "Every request needs Authorization: Bearer <token>; every error is an RFC 7807 problem "
						+ "document."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer onlyTheApi() {
		return (openApi) -> openApi.getPaths().keySet().removeIf((path) -> !path.startsWith("/api/"));
	}

}
