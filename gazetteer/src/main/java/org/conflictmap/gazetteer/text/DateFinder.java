package org.conflictmap.gazetteer.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions and resolves them against the day the report was published:
 * <ul>
 * <li>weekdays: "on Tuesday", "by Tuesday", "Tuesday night" are the last Tuesday on or before publication;
 * "last Tuesday" the one before that when the report is itself from a Tuesday;</li>
 * <li>"overnight", "last night" (the night before: two days), "yesterday", "today", "this morning";</li>
 * <li>"over the weekend", "last week" (the calendar week before), "this week", "next week", "the past week" (the seven days before), "the
 * past three days", "last month", "this month";</li>
 * <li>explicit dates: "5 December", "December 5", "Dec. 5, 2024", "2024-12-05" (a date without a year takes
 * the publication's year, or the year before when that would be more than a month after publication); months ("in
 * November", "late November 2024", "the end of November") and years ("in 2016", "from 2015 to 2020");</li>
 * <li>"since" before any of these runs to the publication day ("since Tuesday");</li>
 * <li>"two days later", "the next day", "a day earlier" are counted from the date found last before them;
 * so is "two days after the capture", except in the sentence of that date ("on 9 December, nine days after
 * the fall of Aleppo": the fall is nine days before it); "three days ago" from publication.</li>
 * </ul>
 * Overlapping expressions keep the longest.
 */
public final class DateFinder {

	private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

	private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december"
			+ "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?";

	private static final String NUMBER = "(\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen)";

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fourteen", 14));

	/** What a rule makes of its match: the days, given the publication day and the last date found before it. */
	private interface Resolver extends BiFunction<Matcher, Context, DateMention> {
	}

	/**
	 * @param previous the day the last date found before stands for, or null
	 * @param previousInSentence whether that date is in the same sentence
	 */
	private record Context(LocalDate published, LocalDate previous, boolean previousInSentence) {
	}

	private record Rule(Pattern pattern, Resolver resolver) {
	}

	private static final List<Rule> RULES = new ArrayList<>();

	static {
		rule("(\\d{4})-(\\d{2})-(\\d{2})", (m, c) -> day(m, LocalDate.of(num(m, 1), num(m, 2), num(m, 3))));
		// "5-6 December", "December 5-6": two days
		rule("(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?",
				(m, c) -> days(m, c, m.group(3), num(m, 1), num(m, 2), m.group(4)));
		rule(MONTH + "\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\b(?:,?\\s+(\\d{4}))?",
				(m, c) -> days(m, c, m.group(1), num(m, 2), num(m, 3), m.group(4)));
		rule("(?:" + WEEKDAY + ",?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?",
				(m, c) -> explicit(m, c, m.group(3), num(m, 2), m.group(4)));
		rule("(?:" + WEEKDAY + ",?\\s+)?" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?",
				(m, c) -> explicit(m, c, m.group(2), num(m, 3), m.group(4)));
		rule("(?:(?:in|during|since|until|by|throughout)\\s+)?(?:(early|mid|late)[- ])?" + MONTH + "(?:\\s+(\\d{4}))?",
				DateFinder::month);
		rule("(?:(?:at|by|until|before)\\s+)?the\\s+(?:end|close)\\s+of\\s+" + MONTH + "(?:\\s+(\\d{4}))?",
				(m, c) -> part(m, c, m.group(1), m.group(2), 21, 31));
		rule("(?:(?:at|from|since)\\s+)?the\\s+(?:start|beginning)\\s+of\\s+" + MONTH + "(?:\\s+(\\d{4}))?",
				(m, c) -> part(m, c, m.group(1), m.group(2), 1, 10));
		rule("(?:over|during|at)\\s+the\\s+weekend|(?:this|last)\\s+weekend", (m, c) -> {
			LocalDate saturday = c.published().with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
			if (m.group().toLowerCase(Locale.ROOT).startsWith("last") && c.published().getDayOfWeek().getValue() >= 6) {
				saturday = saturday.minusWeeks(1);
			}
			return range(m, saturday, saturday.plusDays(1), 1);
		});
		rule("last\\s+year", (m, c) -> range(m, LocalDate.of(c.published().getYear() - 1, 1, 1),
				LocalDate.of(c.published().getYear() - 1, 12, 31), 3));
		rule("(?:earlier\\s+)?this\\s+year", (m, c) -> range(m, LocalDate.of(c.published().getYear(), 1, 1), c.published(), 3));
		rule("(?:from|between)\\s+((?:19|20)\\d{2})\\s*(?:to|until|through|and|-|–)\\s*((?:19|20)\\d{2})",
				(m, c) -> range(m, LocalDate.of(num(m, 1), 1, 1), LocalDate.of(num(m, 2), 12, 31), 3));
		rule("(?:in|during|since|until|by|throughout|from)\\s+((?:19|20)\\d{2})",
				(m, c) -> range(m, LocalDate.of(num(m, 1), 1, 1), LocalDate.of(num(m, 1), 12, 31), 3));
		rule("(?:(on|by|last|this|early|late)\\s+)?" + WEEKDAY + "(?:['’]s)?(?:\\s+(?:morning|afternoon|evening|night))?",
				DateFinder::weekday);
		rule("overnight|last\\s+night|during\\s+the\\s+night", (m, c) -> range(m, c.published().minusDays(1), c.published(), 1));
		rule("the\\s+day\\s+before\\s+yesterday", (m, c) -> day(m, c.published().minusDays(2)));
		rule("yesterday", (m, c) -> day(m, c.published().minusDays(1)));
		rule("(?:earlier\\s+)?today|this\\s+(?:morning|afternoon|evening)|tonight", (m, c) -> day(m, c.published()));
		rule("last\\s+week", (m, c) -> {
			LocalDate monday = c.published().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
			return range(m, monday, monday.plusDays(6), 2);
		});
		rule("next\\s+week", (m, c) -> {
			LocalDate monday = c.published().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			return range(m, monday, monday.plusDays(6), 2);
		});
		rule("(?:earlier\\s+)?this\\s+week", (m, c) -> range(m,
				c.published().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), c.published(), 2));
		rule("(?:(?:in|over|during|within)\\s+)?the\\s+(?:past|last|previous)\\s+(?:week|seven\\s+days)",
				(m, c) -> range(m, c.published().minusDays(7), c.published(), 2));
		rule("(?:(?:in|over|during|within)\\s+)?the\\s+(?:past|last|previous)\\s+" + NUMBER + "\\s+days",
				(m, c) -> range(m, c.published().minusDays(count(m.group(1))), c.published(), 2));
		rule("in\\s+recent\\s+days", (m, c) -> range(m, c.published().minusDays(7), c.published(), 2));
		rule("(?:(?:in|over|during|within)\\s+)?the\\s+(?:past|last)\\s+(?:few|several|couple\\s+of)\\s+days",
				(m, c) -> range(m, c.published().minusDays(4), c.published(), 2));
		rule("last\\s+month", (m, c) -> {
			YearMonth ym = YearMonth.from(c.published()).minusMonths(1);
			return range(m, ym.atDay(1), ym.atEndOfMonth(), 3);
		});
		rule("(?:earlier\\s+)?this\\s+month", (m, c) -> range(m, c.published().withDayOfMonth(1), c.published(), 3));
		rule(NUMBER + "\\s+(days?|weeks?)\\s+ago", (m, c) -> back(m, c.published(), m.group(1), m.group(2), -1));
		rule(NUMBER + "\\s+(days?|weeks?)\\s+(later|afterwards|earlier|after\\s+(?:that|this|it)|before\\s+(?:that|this|it))",
				(m, c) -> c.previous() == null ? null
						: back(m, c.previous(), m.group(1), m.group(2), m.group(3).toLowerCase(Locale.ROOT).matches("later|after.*") ? 1 : -1));
		// "entered Manbij on 9 December, nine days after the fall of Aleppo": the fall is nine days before the
		// date of its own sentence; "Two days after the capture, ..." counts on from the date of an earlier one
		rule(NUMBER + "\\s+(days?|weeks?)\\s+(after|before)(?!\\s+(?:that|this|it)\\b)",
				(m, c) -> c.previous() == null ? null
						: back(m, c.previous(), m.group(1), m.group(2),
								(m.group(3).equalsIgnoreCase("after") ? 1 : -1) * (c.previousInSentence() ? -1 : 1)));
		rule("the\\s+(?:next|following)\\s+day|the\\s+day\\s+after", (m, c) -> c.previous() == null ? null : day(m, c.previous().plusDays(1)));
		rule("the\\s+(?:previous|preceding)\\s+day|the\\s+day\\s+before(?!\\s+yesterday)", (m, c) -> c.previous() == null ? null : day(m, c.previous().minusDays(1)));
	}

	private static void rule(String regex, Resolver resolver) {
		RULES.add(new Rule(Pattern.compile("\\b(?:" + regex + ")\\b", Pattern.CASE_INSENSITIVE), resolver));
	}

	private static final Pattern MONTH_WORD = Pattern.compile(MONTH, Pattern.CASE_INSENSITIVE);

	private static final Pattern SINCE = Pattern.compile("\\bsince\\s+$", Pattern.CASE_INSENSITIVE);

	private DateFinder() {
	}

	/** Every date expression in text order, resolved against the publication day. */
	public static List<DateMention> find(String text, LocalDate published) {
		// every rule's matches; overlaps keep the longest (then the earliest)
		var found = new ArrayList<Found>();
		for (int r = 0; r < RULES.size(); r++) {
			Matcher m = RULES.get(r).pattern().matcher(text);
			while (m.find()) {
				if (plausible(m)) {
					found.add(new Found(r, m.start(), m.end()));
				}
			}
		}
		found.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed().thenComparingInt(Found::start));
		var kept = new ArrayList<Found>();
		for (Found f : found) {
			if (kept.stream().noneMatch(k -> k.start() < f.end() && f.start() < k.end())) {
				kept.add(f);
			}
		}
		kept.sort(Comparator.comparingInt(Found::start));
		var mentions = new ArrayList<DateMention>();
		List<Sentences.Span> sentences = Sentences.of(text);
		LocalDate previous = null;
		int previousAt = -1;
		for (Found f : kept) {
			Matcher m = RULES.get(f.rule()).pattern().matcher(text);
			m.region(f.start(), f.end());
			if (!m.lookingAt()) {
				continue;
			}
			DateMention d;
			try {
				d = RULES.get(f.rule()).resolver().apply(m,
						new Context(published, previous, previousAt >= 0 && sameSentence(sentences, previousAt, f.start())));
			}
			catch (java.time.DateTimeException ex) {
				continue; // "31 February": not a date
			}
			if (d == null) {
				continue;
			}
			Matcher since = SINCE.matcher(text.substring(Math.max(0, d.start() - 10), d.start()));
			if (since.find() && !d.text().toLowerCase(Locale.ROOT).startsWith("since") && !d.dateStart().isAfter(published)) {
				d = new DateMention(text.substring(d.start() - (since.end() - since.start()), d.end()),
						d.start() - (since.end() - since.start()), d.end(), d.dateStart(), published, d.timePrecision());
			}
			else if (d.text().toLowerCase(Locale.ROOT).startsWith("since") && !d.dateStart().isAfter(published)) {
				d = new DateMention(d.text(), d.start(), d.end(), d.dateStart(), published, d.timePrecision());
			}
			mentions.add(d);
			previousAt = d.start();
			previous = d.dateEnd().isAfter(published) ? d.dateStart() : d.dateEnd();
			if (d.dateStart().equals(d.dateEnd())) {
				previous = d.dateStart();
			}
		}
		return mentions;
	}

	private record Found(int rule, int start, int end) {
	}

	private static boolean sameSentence(List<Sentences.Span> sentences, int a, int b) {
		for (Sentences.Span s : sentences) {
			if (s.contains(a)) {
				return s.contains(b);
			}
		}
		return false;
	}

	/** A month name must be capitalised ("May" the month, not "may" the verb; "March" with a day or a cue). */
	private static boolean plausible(Matcher m) {
		String s = m.group();
		Matcher month = MONTH_WORD.matcher(s);
		while (month.find()) {
			boolean wordStart = month.start() == 0 || !Character.isLetter(s.charAt(month.start() - 1));
			boolean wordEnd = month.end() == s.length() || !Character.isLetter(s.charAt(month.end()));
			if (wordStart && wordEnd && !Character.isUpperCase(s.charAt(month.start()))) {
				return false;
			}
		}
		String lower = s.toLowerCase(Locale.ROOT);
		// a bare month word: only with a cue before it ("in March") or after ("March 2024"), and never "May"
		if (lower.matches("(?:early|mid|late)?[- ]?(?:may|march)\\.?")) {
			return false;
		}
		return true;
	}

	private static DateMention explicit(Matcher m, Context c, String monthWord, int day, String year) {
		int month = monthNumber(monthWord);
		LocalDate date;
		if (year != null) {
			date = LocalDate.of(Integer.parseInt(year), month, day);
		}
		else {
			date = LocalDate.of(c.published().getYear(), month, day);
			if (date.isAfter(c.published().plusDays(31))) {
				date = date.minusYears(1);
			}
		}
		return day(m, date);
	}

	private static DateMention days(Matcher m, Context c, String monthWord, int first, int last, String year) {
		if (last <= first) {
			return null;
		}
		DateMention from = explicit(m, c, monthWord, first, year);
		return range(m, from.dateStart(), from.dateStart().withDayOfMonth(last), 1);
	}

	private static DateMention month(Matcher m, Context c) {
		int month = monthNumber(m.group(2));
		int year;
		if (m.group(3) != null) {
			year = Integer.parseInt(m.group(3));
		}
		else {
			year = c.published().getYear();
			if (YearMonth.of(year, month).atDay(1).isAfter(c.published())) {
				year--;
			}
		}
		YearMonth ym = YearMonth.of(year, month);
		String part = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
		return switch (part) {
			case "early" -> range(m, ym.atDay(1), ym.atDay(10), 3);
			case "mid" -> range(m, ym.atDay(11), ym.atDay(20), 3);
			case "late" -> range(m, ym.atDay(21), ym.atEndOfMonth(), 3);
			default -> range(m, ym.atDay(1), ym.atEndOfMonth(), 3);
		};
	}

	/** Days {@code from} to {@code to} (at most the month's last) of a month named without or with its year. */
	private static DateMention part(Matcher m, Context c, String monthWord, String year, int from, int to) {
		int month = monthNumber(monthWord);
		int y = year != null ? Integer.parseInt(year) : c.published().getYear();
		if (year == null && YearMonth.of(y, month).atDay(1).isAfter(c.published())) {
			y--;
		}
		YearMonth ym = YearMonth.of(y, month);
		return range(m, ym.atDay(from), ym.atDay(Math.min(to, ym.lengthOfMonth())), 3);
	}

	private static DateMention weekday(Matcher m, Context c) {
		DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
		LocalDate date = c.published().with(TemporalAdjusters.previousOrSame(dow));
		if ("last".equalsIgnoreCase(m.group(1)) && date.equals(c.published())) {
			date = date.minusWeeks(1);
		}
		return day(m, date);
	}

	private static DateMention back(Matcher m, LocalDate from, String number, String unit, int sign) {
		long n = count(number);
		long days = unit.toLowerCase(Locale.ROOT).startsWith("week") ? 7 * n : n;
		return day(m, from.plusDays(sign * days));
	}

	private static long count(String number) {
		String n = number.toLowerCase(Locale.ROOT);
		return NUMBERS.containsKey(n) ? NUMBERS.get(n) : Long.parseLong(n);
	}

	private static int monthNumber(String word) {
		String w = word.toLowerCase(Locale.ROOT).replace(".", "");
		String[] months = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
		for (int i = 0; i < months.length; i++) {
			if (w.startsWith(months[i])) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(word);
	}

	private static int num(Matcher m, int group) {
		return Integer.parseInt(m.group(group));
	}

	private static DateMention day(Matcher m, LocalDate date) {
		return range(m, date, date, 1);
	}

	private static DateMention range(Matcher m, LocalDate start, LocalDate end, int precision) {
		return new DateMention(m.group(), m.start(), m.end(), start, end, precision);
	}

}
