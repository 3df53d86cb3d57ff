package batch.processor;

import batch.domain.illustration.PolicyFields;
import batch.domain.illustration.PolicyRejectedException;
import batch.domain.illustration.PolicyValidator;
import batch.domain.illustration.RejectReason;
import batch.domain.illustration.ValidatedPolicy;
import batch.privacy.PersonalDataProtector;
import batch.reader.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates a policies row and protects its personal data. A bad row throws
 * {@link PolicyRejectedException}, which the import step skips and records.
 */
public class PolicyImportProcessor implements ItemProcessor<CsvRecord, ImportedPolicy> {

	private final PolicyValidator validator = new PolicyValidator();

	private final PolicyIdRegistry policyIds = new PolicyIdRegistry();

	private final PersonalDataProtector protector;

	public PolicyImportProcessor(PersonalDataProtector protector) {
		this.protector = protector;
	}

	@Override
	public ImportedPolicy process(CsvRecord line) {
		if (!line.readable()) {
			throw new PolicyRejectedException(RejectReason.MALFORMED_ROW, "the record cannot be read: " + line.problem());
		}
		if (line.values().length != PolicyFields.HEADER.size()) {
			throw new PolicyRejectedException(RejectReason.MALFORMED_ROW, "the record has " + line.values().length
					+ " columns, expected " + PolicyFields.HEADER.size());
		}
		ValidatedPolicy valid = this.validator.validate(PolicyFields.of(line.values()), line.lineNumber(),
				this.policyIds);
		long policyId = valid.policy().policyId();
		return new ImportedPolicy(valid.policy(), this.protector.hashName(valid.holderName()),
				this.protector.hashMobile(valid.mobile()), this.protector.encryptDate(valid.dateOfBirth(), policyId),
				this.protector.activeKeyId(), valid.commencementDate(), line.lineNumber());
	}

}
