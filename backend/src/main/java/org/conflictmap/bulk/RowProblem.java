package org.conflictmap.bulk;

/**
 * A row an import cannot take, located as {@code file:line:column} (line of the record's first line in
 * the file, column the 1-based field number), with the column's name and what to change. Nothing of the
 * file has been stored when this is thrown.
 */
public class RowProblem extends RuntimeException {

	private final String file;

	private final long line;

	private final int column;

	private final String field;

	public RowProblem(String file, long line, int column, String field, String message) {
		super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + (field == null ? "" : "column '" + field + "': ")
				+ message);
		this.file = file;
		this.line = line;
		this.column = column;
		this.field = field;
	}

	public String file() {
		return file;
	}

	public long line() {
		return line;
	}

	/** 1-based field number, 0 when the problem is the whole row or file. */
	public int column() {
		return column;
	}

	/** The column's name in the header, or null. */
	public String field() {
		return field;
	}

}
