package batch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure of the application, held on its compiled classes: no cycle among its packages,
 * and one direction, domain ← shared ← adapters (reader, processor, writer, partition, privacy,
 * database, logging, the conformance runner, the generators) ← job ← operations ← cli and web.
 * The engines import only Java.
 */
class ArchitectureTests {

	private static final JavaClasses APPLICATION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("batch");

	@Test
	void noPackageImportsOneThatImportsItBack() {
		slices().matching("batch.(*)..").should().beFreeOfCycles().check(APPLICATION);
		slices().matching("batch.domain.(*)..").should().beFreeOfCycles().check(APPLICATION);
	}

	@Test
	void theEnginesImportOnlyJavaAndThemselves() {
		classes().that()
			.resideInAPackage("batch.domain..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "batch.domain..")
			.check(APPLICATION);
	}

	@Test
	void theSharedKeysAndSettingsImportNothingOfTheApplication() {
		noClasses().that()
			.resideInAPackage("batch.shared..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("batch.cli..", "batch.web..", "batch.operations..", "batch.job..", "batch.reader..",
					"batch.processor..", "batch.writer..", "batch.partition..", "batch.privacy..", "batch.database..",
					"batch.logging..", "batch.conformance..", "batch.generate..", "batch.domain..")
			.check(APPLICATION);
	}

	@Test
	void dependenciesRunOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Application")
			.definedBy("batch")
			.layer("Interfaces")
			.definedBy("batch.cli..", "batch.web..")
			.layer("Operations")
			.definedBy("batch.operations..")
			.layer("Jobs")
			.definedBy("batch.job..")
			.layer("Adapters")
			.definedBy("batch.reader..", "batch.processor..", "batch.writer..", "batch.partition..", "batch.privacy..",
					"batch.database..", "batch.logging..", "batch.conformance..", "batch.generate..")
			.layer("Shared")
			.definedBy("batch.shared..")
			.layer("Domain")
			.definedBy("batch.domain..")
			.whereLayer("Interfaces")
			.mayOnlyBeAccessedByLayers("Application")
			.whereLayer("Operations")
			.mayOnlyBeAccessedByLayers("Interfaces")
			.whereLayer("Jobs")
			.mayOnlyBeAccessedByLayers("Operations", "Interfaces")
			.whereLayer("Adapters")
			.mayOnlyBeAccessedByLayers("Jobs", "Operations", "Interfaces")
			.whereLayer("Shared")
			.mayOnlyBeAccessedByLayers("Adapters", "Jobs", "Operations", "Interfaces")
			.check(APPLICATION);
	}

}
