package org.conflictmap.event;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import static org.assertj.core.api.Assertions.assertThat;

/** The WHERE builder alone: what each query's clause asks of the store, without a store. */
class EventWhereTest {

	private static final EventWhere.Store POSTGIS = new EventWhere.Store(6, false);

	private static final EventWhere.Store H2 = new EventWhere.Store(6, true);

	private static final Envelope ALEPPO = new Envelope(36.6, 37.6, 35.8, 36.6);

	private static EventQuery query(String from, String to, Envelope bbox, String text) {
		return new EventQuery(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
				bbox, 100, 0, Set.of(), Set.of(), Set.of(), text);
	}

	@Test
	void aFirstDayReachesBackByTheLongestSpanSoLongEventsStillMatch() {
		EventWhere where = EventWhere.of(query("2024-12-01", null, null, null), EventWhere.PUBLISHED, POSTGIS);

		assertThat(where.sql()).startsWith(EventSql.PUBLIC).contains(EventSql.FROM_CLAUSE);
		assertThat(where.params()).containsEntry("from", LocalDate.parse("2024-12-01"))
			.containsEntry("fromLow", LocalDate.parse("2024-11-25"))
			.doesNotContainKey("curation");
	}

	@Test
	void curatorsReadTheStatusesTheyAskFor() {
		EventWhere where = EventWhere.of(query(null, null, null, null), Set.of("draft", "published"), POSTGIS);

		assertThat(where.sql()).isEqualTo(EventSql.CURATION);
		assertThat(where.params()).containsEntry("curation", Set.of("draft", "published"));
	}

	@Test
	void eachStoreAnswersTheBoxFromItsOwnIndex() {
		var allTime = query(null, null, ALEPPO, null);
		var month = query("2024-12-01", "2024-12-31", ALEPPO, null);

		assertThat(EventWhere.of(allTime, EventWhere.PUBLISHED, POSTGIS).sql()).contains(EventSql.BBOX_CLAUSE);
		assertThat(EventWhere.of(month, EventWhere.PUBLISHED, POSTGIS).sql())
			.as("a month: the window index, coordinates checked on its rows")
			.contains(EventSql.BBOX_BY_COORDINATES_CLAUSE);
		assertThat(EventWhere.of(allTime, EventWhere.PUBLISHED, H2).sql()).contains(EventSql.BBOX_BY_LONGITUDE_INDEX_CLAUSE);
		assertThat(EventWhere.of(month, EventWhere.PUBLISHED, H2).sql()).contains(EventSql.BBOX_BY_COORDINATES_CLAUSE);
	}

	@Test
	void searchedWordsAreBoundWithTheirWildcardsEscaped() {
		EventWhere where = EventWhere.of(query(null, null, null, "Hama 50%_off"), EventWhere.PUBLISHED, POSTGIS);

		assertThat(where.params()).containsEntry("text0", "%hama%").containsEntry("text1", "%50\\%\\_off%");
		assertThat(where.sql()).doesNotContain("hama").doesNotContain("50");
	}

	@Test
	void nothingReachesIntoAWindowWhenNoEventSpansMoreThanADay() {
		var window = query("2024-12-01", "2024-12-31", null, null);

		assertThat(EventWhere.reachingInto(window, new EventWhere.Store(0, false))).isNull();
		assertThat(EventWhere.reachingInto(window, POSTGIS).sql()).contains(EventSql.STARTS_BEFORE_CLAUSE);
	}

}
