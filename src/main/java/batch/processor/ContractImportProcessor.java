package batch.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.ContractTerms;
import batch.reader.CsvRecord;
import batch.shared.StepKeys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Checks a contracts row against the ACTUS rules of its type and stages its terms as checked
 * ({@link ContractTerms#staged}), so that the projection reads them back without parsing them
 * again. A bad row throws {@link ContractRejectedException}, which the import step skips and
 * records.
 * <p>
 * The columns are the header the step's reader checked, taken from the step's execution context
 * when the step opens its streams (the reader's first).
 */
public class ContractImportProcessor implements ItemProcessor<CsvRecord, ImportedContract>, ItemStream {

	private static final ObjectMapper JSON = new ObjectMapper();

	private List<String> header;

	private int idColumn = -1;

	private boolean[] arrayColumns;

	// Ids that differ only in case are duplicates, as they were when the tables compared without
	// case; the tables now compare exactly (schema.sql), so no two contracts of a run share a key.
	private final Set<String> contractIds = new HashSet<>();

	@Override
	@SuppressWarnings("unchecked")
	public void open(ExecutionContext executionContext) {
		Object header = executionContext.get(StepKeys.HEADER);
		if (!(header instanceof List<?> names)) {
			throw new ItemStreamException("the step's reader has not recorded the contracts file's header");
		}
		this.header = List.copyOf((List<String>) names);
		this.idColumn = this.header.indexOf("contractID");
		this.arrayColumns = new boolean[this.header.size()];
		for (int i = 0; i < this.arrayColumns.length; i++) {
			this.arrayColumns[i] = ContractTerms.isArrayTerm(this.header.get(i));
		}
	}

	// An array term's cell: a JSON array of strings (numbers are taken as their text).
	private static List<String> list(String name, String cell) {
		List<?> values;
		try {
			values = JSON.readValue(cell, List.class);
		}
		catch (JacksonException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW,
					name + " must be one value or a JSON array of values, e.g. [\"P1Y\",\"P6M\"]");
		}
		List<String> text = new ArrayList<>(values.size());
		for (Object value : values) {
			if (value == null || value instanceof List || value instanceof Map) {
				throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW,
						name + " must be a JSON array of plain values");
			}
			text.add(value.toString());
		}
		return text;
	}

	/** The contract id of a row as it appears in the file, for its reject record; empty if none. */
	public String recordKey(CsvRecord line) {
		return (line.readable() && this.idColumn >= 0 && this.idColumn < line.values().length)
				? line.values()[this.idColumn] : "";
	}

	@Override
	public ImportedContract process(CsvRecord line) {
		if (!line.readable()) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW,
					"the record cannot be read: " + line.problem());
		}
		if (line.values().length != this.header.size()) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW,
					"the record has " + line.values().length + " columns, expected " + this.header.size());
		}
		Map<String, Object> terms = new LinkedHashMap<>();
		for (int i = 0; i < this.header.size(); i++) {
			String value = line.values()[i];
			if (value != null && !value.isBlank()) {
				String name = this.header.get(i);
				terms.put(name, (this.arrayColumns[i] && value.strip().startsWith("[")) ? list(name, value) : value.strip());
			}
		}
		ContractTerms contract = ContractTerms.parse(terms);
		if (contract.contractId().length() > 64) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"contractID must be at most 64 characters");
		}
		if (!this.contractIds.add(contract.contractId().toLowerCase(Locale.ROOT))) {
			throw new ContractRejectedException(CashFlowRejectReason.DUPLICATE_CONTRACT_ID,
					"contractID already appears on an earlier line");
		}
		return new ImportedContract(line.lineNumber(), contract.contractId(), contract.type().name(),
				contract.currency(), JSON.writeValueAsString(contract.staged()));
	}

}
