package org.conflictmap.event;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conflictmap.support.TestEvents.ALEPPO;
import static org.conflictmap.support.TestEvents.HAMA;
import static org.conflictmap.support.TestEvents.event;
import static org.conflictmap.support.TestEvents.withStatus;
import static org.conflictmap.support.TestEvents.withTitle;

/**
 * What the event store promises, whichever database holds it. Each subclass supplies one real
 * database; the assertions are the same.
 */
abstract class EventRepositoryContract {

	private EventRepository repository;

	protected abstract DataSource dataSource();

	@BeforeEach
	void emptyStore() {
		DataSource ds = dataSource();
		JdbcClient jdbc = JdbcClient.create(ds);
		jdbc.sql("DELETE FROM event_versions").update();
		jdbc.sql("DELETE FROM events").update();
		repository = new EventRepository(jdbc);
	}

	@Test
	void storedEventReadsBackFieldForField() {
		Event written = repository.insert(event("hama-clash", "2024-12-04", "2024-12-05", HAMA), "seed", "h1", "test");

		Event read = repository.findById("hama-clash").orElseThrow();

		assertThat(read).isEqualTo(written);
		assertThat(read.version()).isEqualTo(1);
		assertThat(read.geom().getX()).isEqualTo(HAMA[0]);
		assertThat(read.geom().getY()).isEqualTo(HAMA[1]);
		assertThat(read.fatalities()).as("unknown fatalities stay unknown, not zero").isNull();
		assertThat(read.claims()).extracting(Event.Claim::status).containsExactly("reported", "denied");
		assertThat(read.geocode().alternatives()).containsExactly("gn:2");
	}

	@Test
	void dateFilterMatchesEventsWhoseRangeOverlapsIt() {
		repository.insert(event("week-long", "2024-11-27", "2024-12-03", ALEPPO), "seed", "h", "test");
		repository.insert(event("one-day", "2024-12-05", "2024-12-05", HAMA), "seed", "h", "test");

		assertThat(ids(query("2024-12-01", "2024-12-02", null))).containsExactly("week-long");
		assertThat(ids(query("2024-12-03", "2024-12-05", null))).containsExactly("week-long", "one-day");
		assertThat(ids(query(null, "2024-11-26", null))).isEmpty();
		assertThat(ids(query("2024-12-05", null, null))).containsExactly("one-day");
	}

	@Test
	void bboxFilterKeepsOnlyEventsInsideTheBox() {
		repository.insert(event("aleppo", "2024-12-01", "2024-12-01", ALEPPO), "seed", "h", "test");
		repository.insert(event("hama", "2024-12-05", "2024-12-05", HAMA), "seed", "h", "test");

		var aroundHama = new Envelope(36.5, 37.0, 35.0, 35.3);

		assertThat(ids(query(null, null, aroundHama))).containsExactly("hama");
		assertThat(repository.count(query(null, null, aroundHama))).isEqualTo(1);
	}

	@Test
	void dateAndBboxFiltersCombine() {
		repository.insert(event("aleppo-early", "2024-11-29", "2024-11-30", ALEPPO), "seed", "h", "test");
		repository.insert(event("hama-early", "2024-11-29", "2024-11-30", HAMA), "seed", "h", "test");
		repository.insert(event("hama-late", "2024-12-05", "2024-12-05", HAMA), "seed", "h", "test");

		var aroundHama = new Envelope(36.5, 37.0, 35.0, 35.3);

		assertThat(ids(query("2024-11-01", "2024-12-01", aroundHama))).containsExactly("hama-early");
		assertThat(repository.count(query("2024-11-01", "2024-12-01", aroundHama))).isEqualTo(1);
	}

	@Test
	void pagesAreStableAndCountIgnoresPaging() {
		for (int day = 1; day <= 5; day++) {
			repository.insert(event("day-" + day, "2024-12-0" + day, "2024-12-0" + day, HAMA), "seed", "h", "test");
		}

		var secondPage = new EventQuery(null, null, null, 2, 2);

		assertThat(ids(secondPage)).containsExactly("day-3", "day-4");
		assertThat(repository.count(secondPage)).isEqualTo(5);
	}

	@Test
	void draftsAndArchivedEventsStayOffThePublicList() {
		repository.insert(event("published", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		repository.insert(withStatus(event("draft", "2024-12-01", "2024-12-01", HAMA), "draft"), "seed", "h", "test");
		repository.insert(withStatus(event("gone", "2024-12-01", "2024-12-01", HAMA), "archived"), "seed", "h", "test");

		assertThat(ids(EventQuery.all())).containsExactly("published");
		assertThat(repository.findById("draft")).isPresent();
	}

	@Test
	void updateWritesANewVersionAndKeepsThePreviousOne() {
		Event first = repository.insert(event("e", "2024-12-01", "2024-12-01", HAMA), "seed", "h1", "test");

		Event second = repository.update(withTitle(first, "Better title"), "seed", "h2", "test");

		assertThat(second.version()).isEqualTo(2);
		assertThat(second.createdAt()).isEqualTo(first.createdAt());
		assertThat(repository.findById("e").orElseThrow().title()).isEqualTo("Better title");
		assertThat(repository.versionCount("e")).isEqualTo(2);
		assertThat(repository.originHashes("seed")).containsEntry("e", "h2");
	}

	@Test
	void staleVersionIsRefusedAndChangesNothing() {
		Event first = repository.insert(event("e", "2024-12-01", "2024-12-01", HAMA), "seed", "h1", "test");
		repository.update(withTitle(first, "Curator A"), "seed", "h2", "a");

		assertThatThrownBy(() -> repository.update(withTitle(first, "Curator B"), "seed", "h3", "b"))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(repository.findById("e").orElseThrow().title()).isEqualTo("Curator A");
		assertThat(repository.versionCount("e")).isEqualTo(2);
	}

	private static EventQuery query(String from, String to, Envelope bbox) {
		return new EventQuery(from == null ? null : java.time.LocalDate.parse(from),
				to == null ? null : java.time.LocalDate.parse(to), bbox, EventQuery.MAX_LIMIT, 0);
	}

	private List<String> ids(EventQuery query) {
		var ids = new ArrayList<String>();
		repository.forEach(query, e -> ids.add(e.id()));
		return ids;
	}

}
