package org.conflictmap.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventText;

/**
 * One record of an imported CSV file with typed, checked access to its columns by name. Every failure
 * is a {@link RowProblem} naming the file, line, column and what is wrong.
 */
final class CsvRow {

	/** ISO dates, and the "27 November 2024" form older ACLED exports use. */
	private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ISO_LOCAL_DATE,
			new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH),
			new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-uuuu").toFormatter(Locale.ENGLISH) };

	private static final java.util.regex.Pattern TIME_OF_DAY = java.util.regex.Pattern
		.compile("^(\\d{4}-\\d{2}-\\d{2})[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?$");

	private final String file;

	private final long line;

	private final CSVRecord record;

	private final Map<String, Integer> header;

	CsvRow(String file, long line, CSVRecord record, Map<String, Integer> header) {
		this.file = file;
		this.line = line;
		this.record = record;
		this.header = header;
	}

	/** The trimmed text, or null when the column is absent or the cell empty. */
	String optional(String column, int maxLength) {
		Integer index = header.get(column);
		if (index == null || index >= record.size()) {
			return null;
		}
		String value = record.get(index).strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > maxLength) {
			throw problem(column, "is " + value.length() + " characters long; at most " + maxLength + " are kept");
		}
		String unsafe = EventText.unsafe(value);
		if (unsafe != null) {
			throw problem(column, unsafe);
		}
		return value;
	}

	String required(String column, int maxLength) {
		String value = optional(column, maxLength);
		if (value == null) {
			throw problem(column, "is empty; every row needs it");
		}
		return value;
	}

	Integer optionalInteger(String column, int min, int max) {
		String value = optional(column, 20);
		if (value == null) {
			return null;
		}
		try {
			// "12.0" is how some spreadsheets write a whole number
			double number = Double.parseDouble(value);
			if (number != Math.rint(number)) {
				throw problem(column, "'" + value + "' is not a whole number");
			}
			if (number < min || number > max) {
				throw problem(column, "'" + value + "' is outside " + min + ".." + max);
			}
			return (int) number;
		}
		catch (NumberFormatException ex) {
			throw problem(column, "'" + value + "' is not a number");
		}
	}

	int integer(String column, int min, int max) {
		Integer value = optionalInteger(column, min, max);
		if (value == null) {
			throw problem(column, "is empty; every row needs it");
		}
		return value;
	}

	double decimal(String column, double min, double max) {
		String value = required(column, 40);
		try {
			double number = Double.parseDouble(value);
			if (!(number >= min && number <= max)) {
				throw problem(column, "'" + value + "' is outside " + min + ".." + max);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw problem(column, "'" + value + "' is not a number (use a dot for decimals)");
		}
	}

	LocalDate date(String column) {
		LocalDate date = optionalDate(column);
		if (date == null) {
			throw problem(column, "is empty; every row needs it");
		}
		return date;
	}

	/** A date, or null when the cell is empty; a time after the date (UCDP writes one) is ignored. */
	LocalDate optionalDate(String column) {
		String value = optional(column, 40);
		if (value == null) {
			return null;
		}
		value = TIME_OF_DAY.matcher(value).replaceFirst("$1");
		for (DateTimeFormatter format : DATES) {
			LocalDate day;
			try {
				day = LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				continue; // try the next form
			}
			String outside = EventDates.outside(day);
			if (outside != null) {
				throw problem(column, outside);
			}
			return day;
		}
		throw problem(column, "'" + value + "' is not a date; write it as 2024-11-27");
	}

	RowProblem problem(String column, String message) {
		Integer index = header.get(column);
		return new RowProblem(file, line, index == null ? 0 : index + 1, column, message);
	}

}
