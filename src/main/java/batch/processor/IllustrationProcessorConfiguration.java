package batch.processor;

import batch.domain.illustration.Illustrator;
import batch.privacy.PersonalDataProtector;
import batch.reader.BasisLoader;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The illustration job's processors and the engine they share: one immutable {@link Illustrator}
 * for every partition.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IllustrationProperties.class)
class IllustrationProcessorConfiguration {

	@Bean
	Illustrator illustrator(IllustrationProperties properties) {
		return new Illustrator(BasisLoader.load(properties.basis()));
	}

	// Step scoped: the duplicate check holds the ids of one input file.
	@Bean
	@StepScope
	PolicyImportProcessor policyImportProcessor(PersonalDataProtector protector) {
		return new PolicyImportProcessor(protector);
	}

	@Bean
	IllustrationProcessor illustrationProcessor(Illustrator illustrator) {
		return new IllustrationProcessor(illustrator);
	}

}
