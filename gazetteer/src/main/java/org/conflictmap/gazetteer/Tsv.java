package org.conflictmap.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Reads the tab-separated data files: blank lines and lines starting with # are skipped. */
final class Tsv {

	/** One data line: its number (1-based, for error messages) and its fields. */
	interface Row {

		void accept(int lineNo, String[] fields);

	}

	private Tsv() {
	}

	static void read(Reader source, Row row) throws IOException {
		var in = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
		String line;
		int lineNo = 0;
		while ((line = in.readLine()) != null) {
			lineNo++;
			if (!line.isBlank() && !line.startsWith("#")) {
				row.accept(lineNo, line.split("\t", -1));
			}
		}
	}

}
