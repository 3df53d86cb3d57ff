package batch.processor;

import batch.domain.illustration.Illustrator;
import batch.privacy.PersonalDataProtector;
import batch.reader.BasisLoader;
import batch.reader.CsvItemReader;
import batch.reader.CsvRecord;
import batch.shared.StepProperties;

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

	// The import's file read and its rows validated and protected two chunks ahead of the writes:
	// see ProcessingAhead. Closed by its step, as the reader it wraps.
	@Bean(destroyMethod = "")
	@StepScope
	ProcessingAhead<CsvRecord, ImportedPolicy> policyImportAhead(CsvItemReader policyCsvReader,
			PolicyImportProcessor policyImportProcessor, StepProperties properties) {
		return new ProcessingAhead<>(policyCsvReader, policyImportProcessor, 2 * properties.chunkSize(),
				"import-policies");
	}

	@Bean
	IllustrationProcessor illustrationProcessor(Illustrator illustrator) {
		return new IllustrationProcessor(illustrator);
	}

}
