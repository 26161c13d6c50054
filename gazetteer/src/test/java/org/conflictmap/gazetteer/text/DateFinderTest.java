package org.conflictmap.gazetteer.text;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateFinderTest {

	/** The seed report's day: Thursday 5 December 2024. */
	private static final LocalDate THURSDAY = LocalDate.of(2024, 12, 5);

	@ParameterizedTest(name = "\"{0}\" on Thursday 5 December 2024 means {1} .. {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Rebels attacked on Tuesday.                 | on Tuesday          | 2024-12-03 | 2024-12-03 | 1
			By Tuesday, they had reached the hill.      | By Tuesday          | 2024-12-03 | 2024-12-03 | 1
			They said so on Thursday.                   | on Thursday         | 2024-12-05 | 2024-12-05 | 1
			It began last Thursday.                     | last Thursday       | 2024-11-28 | 2024-11-28 | 1
			Fighting has raged since Tuesday.           | since Tuesday       | 2024-12-03 | 2024-12-05 | 1
			They clashed overnight.                     | overnight           | 2024-12-04 | 2024-12-05 | 1
			Jets struck yesterday.                      | yesterday           | 2024-12-04 | 2024-12-04 | 1
			Talks failed last week.                     | last week           | 2024-11-25 | 2024-12-01 | 2
			Strikes grew in the past week.              | in the past week    | 2024-11-28 | 2024-12-05 | 2
			They met on 5 December.                     | 5 December          | 2024-12-05 | 2024-12-05 | 1
			They met on Dec. 5.                         | Dec. 5              | 2024-12-05 | 2024-12-05 | 1
			They met on December 5, 2024.               | December 5, 2024    | 2024-12-05 | 2024-12-05 | 1
			The offensive began on 27 November.         | 27 November         | 2024-11-27 | 2024-11-27 | 1
			The siege ended at the end of November.     | at the end of November | 2024-11-21 | 2024-11-30 | 3
			The rebels left the city in 2016.           | in 2016             | 2016-01-01 | 2016-12-31 | 3
			Talks were held in late November.           | in late November    | 2024-11-21 | 2024-11-30 | 3
			Shelling went on over the weekend.          | over the weekend    | 2024-11-30 | 2024-12-01 | 1
			Ten people died three days ago.             | three days ago      | 2024-12-02 | 2024-12-02 | 1
			Talks resume on 20 January.                 | 20 January          | 2024-01-20 | 2024-01-20 | 1
			Strikes hit Idlib on December 3-4.          | December 3-4        | 2024-12-03 | 2024-12-04 | 1
			Strikes hit Idlib on 3–4 December.          | 3–4 December        | 2024-12-03 | 2024-12-04 | 1
			""")
	void resolvesEachExpressionAgainstThePublicationDay(String text, String words, LocalDate from, LocalDate to, int precision) {
		List<DateMention> found = DateFinder.find(text, THURSDAY);
		assertThat(found).hasSize(1);
		DateMention d = found.get(0);
		assertThat(d.text()).isEqualTo(words);
		assertThat(text.substring(d.start(), d.end())).isEqualTo(words);
		assertThat(d.dateStart()).isEqualTo(from);
		assertThat(d.dateEnd()).isEqualTo(to);
		assertThat(d.timePrecision()).isEqualTo(precision);
	}

	@Test
	void countsRelativeExpressionsFromTheDateFoundBeforeThem() {
		List<DateMention> found = DateFinder.find("Hama fell on Tuesday. Two days later the rebels reached Homs, "
				+ "and the next day they entered it.", LocalDate.of(2024, 12, 8));
		assertThat(found).extracting(DateMention::text).containsExactly("on Tuesday", "Two days later", "the next day");
		assertThat(found).extracting(DateMention::dateStart)
			.containsExactly(LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 6));
	}

	@Test
	void daysAfterAnEventCountBackFromTheDateOfTheirOwnSentence() {
		List<DateMention> found = DateFinder.find("Rebels entered Manbij on Dec. 9, nine days after the fall of Aleppo. "
				+ "Hama fell on 5 December. Two days after the city's fall, Homs followed.", LocalDate.of(2024, 12, 10));
		assertThat(found).extracting(DateMention::text)
			.containsExactly("Dec. 9", "nine days after", "5 December", "Two days after");
		assertThat(found).extracting(DateMention::dateStart).containsExactly(LocalDate.of(2024, 12, 9),
				LocalDate.of(2024, 11, 30), LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 7));
	}

	@Test
	void aRelativeExpressionWithNothingBeforeItIsNotGuessed() {
		assertThat(DateFinder.find("Two days later the rebels reached Homs.", THURSDAY)).isEmpty();
	}

	@Test
	void englishWordsThatNameMonthsAreNotDates() {
		assertThat(DateFinder.find("The rebels may march on Homs; fighters march south in a long column.", THURSDAY)).isEmpty();
		assertThat(DateFinder.find("May brought little change.", THURSDAY)).isEmpty();
		assertThat(DateFinder.find("They came on 31 February.", THURSDAY)).isEmpty();
	}

	@Test
	void aDatelineDateAndAWeekdayAreTwoExpressions() {
		List<DateMention> found = DateFinder.find("BEIRUT, Nov 30 - Rebels entered Aleppo on Friday.", LocalDate.of(2024, 11, 30));
		assertThat(found).extracting(DateMention::text).containsExactly("Nov 30", "on Friday");
		assertThat(found).extracting(DateMention::dateStart).containsExactly(LocalDate.of(2024, 11, 30), LocalDate.of(2024, 11, 29));
	}

}
