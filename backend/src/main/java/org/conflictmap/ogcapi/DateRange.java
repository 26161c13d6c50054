package org.conflictmap.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.conflictmap.errors.BadRequestException;
import org.conflictmap.event.EventDates;

/**
 * An OGC {@code datetime} value as the days it covers: an instant ("2024-12-05" or
 * "2024-12-05T10:00:00Z", its UTC day), a closed interval ("a/b") or a half-open one ("../b", "a/..").
 * Events carry days, not times, so an event matches when its days overlap these.
 *
 * @param from first day, or null for an open start
 * @param to last day, or null for an open end
 */
record DateRange(LocalDate from, LocalDate to) {

	static DateRange parse(String value) {
		String[] parts = value.split("/", -1);
		if (parts.length == 1) {
			LocalDate day = day(parts[0], value);
			if (day == null) {
				throw invalid(value);
			}
			return new DateRange(day, day);
		}
		if (parts.length != 2) {
			throw invalid(value);
		}
		LocalDate from = day(parts[0], value);
		LocalDate to = day(parts[1], value);
		if (from == null && to == null) {
			throw new BadRequestException("datetime", "datetime '" + value + "' is open at both ends; leave it out instead");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadRequestException("datetime", "datetime '" + value + "' starts after it ends");
		}
		return new DateRange(from, to);
	}

	private static LocalDate day(String text, String whole) {
		if (text.isEmpty() || text.equals("..")) {
			return null;
		}
		LocalDate day;
		try {
			day = text.length() == 10 ? LocalDate.parse(text)
					: OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw invalid(whole);
		}
		return EventDates.requireInside("datetime", day);
	}

	private static BadRequestException invalid(String value) {
		return new BadRequestException("datetime", "datetime must be an RFC 3339 date or date-time, or an interval "
				+ "such as 2024-12-01/2024-12-05, ../2024-12-05 or 2024-12-01/.., not '" + value + "'");
	}

}
