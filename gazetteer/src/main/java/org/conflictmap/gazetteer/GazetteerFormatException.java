package org.conflictmap.gazetteer;

/** A gazetteer data file that cannot be read, with the file and line to fix. */
public class GazetteerFormatException extends RuntimeException {

	public GazetteerFormatException(String file, int line, String message) {
		super(file + ":" + line + ": " + message);
	}

}
