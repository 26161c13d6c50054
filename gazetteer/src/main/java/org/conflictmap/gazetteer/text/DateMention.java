package org.conflictmap.gazetteer.text;

import java.time.LocalDate;

/**
 * A date expression in running text, resolved to the days it covers.
 *
 * @param text the words as written ("on Tuesday", "overnight", "5 December")
 * @param start offset of the first character
 * @param end offset just after the last
 * @param dateStart first day covered
 * @param dateEnd last day covered (inclusive)
 * @param timePrecision ACLED's scale: 1 the day is known, 2 within a week, 3 within a month or more
 */
public record DateMention(String text, int start, int end, LocalDate dateStart, LocalDate dateEnd, int timePrecision) {
}
