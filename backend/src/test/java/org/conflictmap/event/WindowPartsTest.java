package org.conflictmap.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When WindowParts reads a window's days and when it leaves the window to be read whole: which reads a
 * slider's steps cost. (That the counts added up from days are those of one read is
 * EventRepositoryContract's business, on both stores.)
 */
class WindowPartsTest {

	private static final WindowParts.Key KEY = WindowParts.Key.of("v1", "clusters/7",
			new EventQuery(null, null, null, 1, 0, Set.of(), Set.of(), Set.of(), null));

	private final WindowParts parts = new WindowParts(100_000);

	/** The day ranges read, as "first..last". */
	private final List<String> reads = new ArrayList<>();

	@Test
	void aFirstWindowIsReadWholeAndTheStepAfterItReadsTheDaysOfBoth() {
		assertThat(window("2024-01-01", "2024-12-31")).as("read whole by the caller").isNull();
		assertThat(window("2024-01-02", "2024-12-31")).hasSize(365);
		assertThat(reads).containsExactly("2024-01-01..2024-12-31");
		assertThat(window("2024-01-03", "2024-12-31")).hasSize(364);
		assertThat(reads).as("the second step reads nothing").hasSize(1);
	}

	@Test
	void afterAReadOfEveryDayTheFirstWindowIsTakenForASliderStepAndItsDaysAreRead() {
		parts.sawEveryDay(KEY); // a plain link's first view: no dates
		assertThat(window("2024-01-02", "2024-12-31")).hasSize(365);
		assertThat(reads).containsExactly("2024-01-02..2024-12-31");
		assertThat(window("2024-01-03", "2024-12-31")).hasSize(364);
		assertThat(reads).as("the second step reads nothing").hasSize(1);
		assertThat(window("2024-01-01", "2024-12-31")).as("a step back reads the one day it adds").hasSize(366);
		assertThat(reads).last().isEqualTo("2024-01-01..2024-01-01");
	}

	@Test
	void theNoteIsForTheNextWindowOnlyAndForItsOwnDataVersion() {
		parts.sawEveryDay(KEY);
		assertThat(window("2024-03-01", "2024-03-31")).hasSize(31);
		assertThat(window("2024-07-01", "2024-07-31")).as("a jump away is read whole again").isNull();

		parts.sawEveryDay(KEY);
		var written = new WindowParts.Key("v2", KEY.read(), KEY.filters());
		assertThat(parts.between(written, LocalDate.parse("2024-07-02"), LocalDate.parse("2024-07-31"), this::read,
				part -> 1)).as("a write since: nothing noted for the new version").isNull();
	}

	private List<Integer> window(String from, String to) {
		return parts.between(KEY, LocalDate.parse(from), LocalDate.parse(to), this::read, part -> 1);
	}

	/** One part per day, its day's number in the year. */
	private SortedMap<LocalDate, Integer> read(LocalDate first, LocalDate last) {
		reads.add(first + ".." + last);
		var days = new TreeMap<LocalDate, Integer>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			days.put(d, d.getDayOfYear());
		}
		return days;
	}

}
