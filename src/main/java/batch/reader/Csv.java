package batch.reader;

import java.io.Reader;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

/**
 * The one way this application reads CSV: opencsv with the RFC 4180 parser (double quotes,
 * doubled to escape; no backslash escapes), every field kept as written.
 */
public final class Csv {

	private Csv() {
	}

	public static CSVReader reader(Reader reader) {
		return new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build();
	}

}
