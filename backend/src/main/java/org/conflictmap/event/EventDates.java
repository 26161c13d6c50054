package org.conflictmap.event;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.conflictmap.errors.BadRequestException;

/**
 * The days the service accepts anywhere a date comes in (writes, imports, seeds, query parameters):
 * 1 January 1900 to one year after today (UTC). A date outside them is a typing mistake, and the far
 * ones ({@code +999999999-12-31}) break date arithmetic, browsers' Date and the exports' formats.
 */
public final class EventDates {

	/** The first day accepted. */
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private EventDates() {
	}

	/** The last day accepted: one year after today, UTC. */
	public static LocalDate latest() {
		return LocalDate.now(ZoneOffset.UTC).plusYears(1);
	}

	/** Null when {@code day} is accepted, else what to change ("must lie between 1900-01-01 and ..."). */
	public static String outside(LocalDate day) {
		if (day == null || (!day.isBefore(EARLIEST) && !day.isAfter(latest()))) {
			return null;
		}
		return "must lie between " + EARLIEST + " and " + latest() + " (one year after today), not " + day;
	}

	/**
	 * A query parameter's ISO date.
	 * @throws BadRequestException naming the parameter when the value is no ISO date or lies outside the range
	 */
	public static LocalDate parameter(String name, String value) {
		LocalDate day;
		try {
			day = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(name, name + " must be an ISO date like 2024-12-05, not '" + value + "'");
		}
		return requireInside(name, day);
	}

	/** {@code day}, or a 400 naming the parameter when it lies outside the range. */
	public static LocalDate requireInside(String name, LocalDate day) {
		String problem = outside(day);
		if (problem != null) {
			throw new BadRequestException(name, name + " " + problem);
		}
		return day;
	}

}
