package org.conflictmap.territory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.conflictmap.database.DataVersion;
import org.conflictmap.event.ChangeFeed;
import org.conflictmap.event.EventChange;
import org.conflictmap.event.EventRepository;
import org.conflictmap.ingest.Sides;
import org.conflictmap.map.MapRegion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assessments store and its writes, the same on every database: versions and history, a stale write
 * refused, archive and restore, what each list finds, and the data version moved by every write.
 */
abstract class AssessmentStoreContract {

	/** A box around Maarat al-Numan, lon/lat. */
	static final String MAARAT = "[[[36.60,35.60],[36.75,35.60],[36.75,35.70],[36.60,35.70],[36.60,35.60]]]";

	private AssessmentRepository store;

	private Assessments writes;

	private DataVersion dataVersion;

	protected abstract DataSource dataSource();

	@BeforeEach
	void emptyStore() {
		DataSource ds = dataSource();
		var jdbc = JdbcClient.create(ds);
		jdbc.sql("DELETE FROM assessment_versions").update();
		jdbc.sql("DELETE FROM assessments").update();
		store = new AssessmentRepository(jdbc);
		writes = new Assessments(store, new EventRepository(jdbc), new Sides(Path.of("seeds")),
				new MapRegion("Syria", "35.5,32.3,42.4,37.4"), new TransactionTemplate(new DataSourceTransactionManager(ds)));
		dataVersion = new DataVersion(jdbc);
	}

	static String body(String id, String status, String validFrom, String coordinates) {
		return """
				{"type": "Feature", "id": %s,
				 "geometry": {"type": "Polygon", "coordinates": %s},
				 "properties": {"side": "opposition", "valid_from": "%s", "confidence": "high",
				   "note": "Taken on 30 November", "sources": ["a report"], "status": "%s"}}"""
			.formatted(id == null ? "null" : "\"" + id + "\"", coordinates, validFrom, status);
	}

	@Test
	void aWrittenAssessmentReadsBackFieldForFieldWithItsHistory() {
		String before = dataVersion.current();

		Assessment written = writes.create(body("maarat", "draft", "2024-11-30", MAARAT), "alice");

		Assessment read = store.findById("maarat").orElseThrow();
		assertThat(read).isEqualTo(written);
		assertThat(read.version()).isEqualTo(1);
		assertThat(read.area().getArea()).isCloseTo(0.15 * 0.10, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(read.sources()).containsExactly("a report");
		assertThat(store.versions("maarat")).extracting(AssessmentRepository.Version::change).containsExactly("created");
		assertThat(dataVersion.current()).as("a write moves the data version").isNotEqualTo(before);
	}

	@Test
	void aWriteToAnOlderVersionIsRefusedAndNothingChanges() {
		writes.create(body("maarat", "draft", "2024-11-30", MAARAT), "alice");
		Assessment published = writes.replace("maarat", body("maarat", "published", "2024-11-30", MAARAT), 1, "bob");
		assertThat(published.version()).isEqualTo(2);

		assertThatThrownBy(() -> writes.replace("maarat", body("maarat", "published", "2024-11-29", MAARAT), 1, "carol"))
			.isInstanceOf(Assessments.StaleException.class)
			.hasMessageContaining("is at version 2");
		assertThat(store.findById("maarat").orElseThrow().validFrom()).isEqualTo(LocalDate.parse("2024-11-30"));
		assertThat(store.versions("maarat")).hasSize(2);
	}

	@Test
	void archiveAndRestoreAreNewVersionsAndAnOldVersionComesBack() {
		writes.create(body("maarat", "published", "2024-11-30", MAARAT), "alice");
		writes.replace("maarat", body("maarat", "published", "2024-11-29", MAARAT), 1, "alice");

		Assessment archived = writes.archive("maarat", 2, "bob");
		assertThat(archived.status()).isEqualTo("archived");
		assertThat(store.list(Set.of("published"), null, null)).isEmpty();

		Assessment back = writes.restore("maarat", 1, null, "bob");
		assertThat(back.version()).isEqualTo(4);
		assertThat(back.status()).isEqualTo("published");
		assertThat(back.validFrom()).as("version 1's content").isEqualTo(LocalDate.parse("2024-11-30"));
		assertThat(store.versions("maarat")).extracting(AssessmentRepository.Version::change)
			.containsExactly("created", "updated", "archived", "restored");
		assertThat(store.versions("maarat").get(3).restoredFrom()).isEqualTo(1);
	}

	@Test
	void theFeedListsEveryWriteInOrderAndShowsTheAnonymousOnlyWhatConcernsTheMap() {
		java.time.Instant start = java.time.Instant.now().minusSeconds(1);
		writes.create(body("shown", "published", "2024-11-30", MAARAT), "alice");
		writes.create(body("hidden", "draft", "2024-11-30", MAARAT), "alice");
		writes.replace("shown", body("shown", "draft", "2024-11-30", MAARAT), 1, "bob");
		writes.replace("shown", body("shown", "draft", "2024-11-29", MAARAT), 2, "bob");
		writes.archive("hidden", 1, "bob");

		List<EventChange> all = store.changes(start, null, false, 100);
		assertThat(all).extracting(c -> c.id() + "@" + c.version() + " " + c.change() + " " + c.status() + " " + c.by())
			.containsExactlyInAnyOrder("shown@1 created published alice", "hidden@1 created draft alice",
					"shown@2 updated draft bob", "shown@3 updated draft bob", "hidden@2 archived archived bob");
		assertThat(all).extracting(EventChange::at).isSorted();
		assertThat(store.changes(start, null, true, 100)).extracting(c -> c.id() + "@" + c.version())
			.as("a published version, and the write that took it off the map; no draft's")
			.containsExactly("shown@1", "shown@2");

		EventChange second = all.get(1);
		List<EventChange> rest = store.changes(start, new ChangeFeed.After(second.at(), second.id(), second.version()),
				false, 100);
		assertThat(rest).containsExactlyElementsOf(all.subList(2, all.size()));
		assertThat(store.changes(all.get(4).at(), new ChangeFeed.After(all.get(4).at(), null, 0), false, 100))
			.as("after every write at the last instant").isEmpty();
	}

	@Test
	void listsFindByStatusSideAndDay() {
		writes.create(body("early", "published", "2024-11-26", MAARAT), "alice");
		writes.create(body("later", "published", "2024-12-01", MAARAT), "alice");
		writes.create(body("draft", "draft", "2024-11-27", MAARAT), "alice");

		assertThat(ids(store.list(Set.of("published"), null, null))).containsExactly("early", "later");
		assertThat(ids(store.list(Set.of("published"), "opposition", LocalDate.parse("2024-11-28")))).containsExactly("early");
		assertThat(ids(store.list(Set.of("draft", "published"), null, LocalDate.parse("2024-12-02"))))
			.containsExactly("early", "draft", "later");
		assertThat(store.list(Set.of("published"), "government", null)).isEmpty();
	}

	private static List<String> ids(List<Assessment> found) {
		return found.stream().map(Assessment::id).toList();
	}

}
