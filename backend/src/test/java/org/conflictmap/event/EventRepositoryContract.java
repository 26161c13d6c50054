package org.conflictmap.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.conflictmap.support.TestEvents.ALEPPO;
import static org.conflictmap.support.TestEvents.HAMA;
import static org.conflictmap.support.TestEvents.event;
import static org.conflictmap.support.TestEvents.withStatus;
import static org.conflictmap.support.TestEvents.withActors;
import static org.conflictmap.support.TestEvents.withClaims;
import static org.conflictmap.support.TestEvents.withTitle;
import static org.conflictmap.support.TestEvents.withType;

/**
 * What the event store promises, whichever database holds it. Each subclass supplies one real
 * database; the assertions are the same.
 */
abstract class EventRepositoryContract {

	private EventRepository repository;

	private EventCounts counts;

	private JdbcClient jdbc;

	protected abstract DataSource dataSource();

	@BeforeEach
	void emptyStore() {
		DataSource ds = dataSource();
		jdbc = JdbcClient.create(ds);
		// the application never deletes events, so nothing cascades: each table is emptied
		jdbc.sql("DELETE FROM event_actors").update();
		jdbc.sql("DELETE FROM event_versions").update();
		jdbc.sql("DELETE FROM events").update();
		repository = new EventRepository(jdbc);
		counts = new EventCounts(jdbc);
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
	void anEventMadeLongerByAnEditStillMatchesTheLaterDaysItNowReaches() {
		Event oneDay = repository.insert(event("siege", "2024-10-01", "2024-10-01", ALEPPO), "seed", "h", "test");
		repository.insert(event("later", "2024-11-20", "2024-11-20", HAMA), "seed", "h", "test");

		repository.update(new Event(oneDay.id(), oneDay.title(), oneDay.summary(), oneDay.eventType(),
				oneDay.subEventType(), oneDay.actors(), oneDay.dateStart(), java.time.LocalDate.parse("2024-12-10"),
				oneDay.timePrecision(), oneDay.placeText(), oneDay.geocode(), oneDay.country(), oneDay.admin1(),
				oneDay.geom(), oneDay.fatalities(), oneDay.claims(), oneDay.sources(), oneDay.controlChange(),
				oneDay.status(), oneDay.version(), oneDay.createdAt(), oneDay.updatedAt()), "seed", "h2", "test");

		assertThat(ids(query("2024-11-15", "2024-11-25", null))).as("a window 45 days after the siege began")
			.containsExactly("siege", "later");
		assertThat(repository.count(query("2024-12-10", null, null))).isEqualTo(1);
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
	void aPageCountsEveryMatchWhetherItIsFullPartialOrPastTheEnd() {
		for (int i = 1; i <= 5; i++) {
			repository.insert(event("day-" + i, "2024-12-0" + i, "2024-12-0" + i, HAMA), "seed", "h", "test");
		}
		var all = query(null, null, null);

		JsonNode full = page(all.withPage(2, 0));
		JsonNode partial = page(all.withPage(2, 4));
		JsonNode past = page(all.withPage(2, 9));
		JsonNode whole = page(all.withPage(10, 0));

		assertThat(full.get("features")).extracting(f -> f.get("id").asString()).containsExactly("day-1", "day-2");
		assertThat(partial.get("features")).extracting(f -> f.get("id").asString()).containsExactly("day-5");
		assertThat(past.get("features")).isEmpty();
		assertThat(List.of(full, partial, past, whole)).allSatisfy(p -> assertThat(p.get("numberMatched").asLong()).isEqualTo(5));
		assertThat(whole.get("numberReturned").asInt()).isEqualTo(5);
	}

	@Test
	void aPageWrittenStraightFromTheRowsEqualsEachEventsOwnFeature() {
		Event plain = repository.insert(event("plain", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		Event edited = withClaims(withActors(event("edited", "2024-12-02", "2024-12-03", ALEPPO),
				List.of("HTS", "SNA"), List.of(), List.of("Turkey")), "contested", "confirmed");
		edited = repository.insert(new Event(edited.id(), "Quotes \" and <tags> & ünïcode ✓", "Line one\nline two",
				edited.eventType(), edited.subEventType(), edited.actors(), edited.dateStart(), edited.dateEnd(), 2,
				edited.placeText(), edited.geocode(), edited.country(), edited.admin1(), edited.geom(), 12, edited.claims(),
				List.of(), null,
				edited.status(), 0, edited.createdAt(), edited.updatedAt()), "seed", "h", "test");

		JsonNode page = page(query(null, null, null));

		assertThat(page.get("features")).hasSize(2);
		for (JsonNode feature : page.get("features")) {
			Event stored = repository.findById(feature.get("id").asString()).orElseThrow();
			assertThat(feature).isEqualTo(EventJson.MAPPER.readTree(EventJson.featureString(stored)));
			assertThat(feature.get("properties").propertyNames()).as("the names the OGC API's properties= takes")
				.containsExactlyElementsOf(EventJson.PROPERTIES);
		}
		assertThat(List.of(plain.id(), edited.id())).containsExactly("plain", "edited");
	}

	/** A page of published events as the list endpoint writes it. */
	private JsonNode page(EventQuery query) {
		var out = new java.io.ByteArrayOutputStream();
		EventJson.writeFeatureCollection(out, Map.of(), json -> repository.writeFeaturesCounted(query, EventRepository.PUBLISHED, json));
		return EventJson.MAPPER.readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8));
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
	void aPointOnTheBoxsEdgeIsInsideWithOrWithoutANarrowWindow() {
		repository.insert(event("on-edge", "2024-12-01", "2024-12-01", new double[] { 36.5, 35.0 }), "seed", "h", "test");
		repository.insert(event("outside", "2024-12-01", "2024-12-01", new double[] { 36.4999, 35.0 }), "seed", "h", "test");
		var box = new Envelope(36.5, 37.0, 35.0, 35.3);

		assertThat(ids(query(null, null, box)))
			.as("no window: through the bbox index (GiST on PostGIS, the longitude B-tree on H2)")
			.containsExactly("on-edge");
		assertThat(ids(query("2024-11-01", "2024-12-31", box))).as("by coordinates, in a two-month window")
			.containsExactly("on-edge");
		assertThat(ids(query("2023-01-01", "2024-12-31", box))).as("a two-year window: through the bbox index")
			.containsExactly("on-edge");
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

	@Test
	void typeFilterKeepsOnlyTheTypesAsked() {
		repository.insert(event("battle", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		repository.insert(withType(event("strike", "2024-12-02", "2024-12-02", HAMA), "Explosions/Remote violence",
				"Air/drone strike"), "seed", "h", "test");
		repository.insert(withType(event("arrest", "2024-12-03", "2024-12-03", HAMA), "Strategic developments",
				"Arrests"), "seed", "h", "test");

		assertThat(ids(filtered(Set.of("Explosions/Remote violence"), Set.of(), Set.of(), null))).containsExactly("strike");
		assertThat(ids(filtered(Set.of("Battles", "Strategic developments"), Set.of(), Set.of(), null)))
			.containsExactly("battle", "arrest");
	}

	@Test
	void actorFilterMatchesAnActorOnAnySideWhateverItsCase() {
		repository.insert(event("opposition-only", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		repository.insert(withActors(event("russia", "2024-12-02", "2024-12-02", HAMA), List.of("Russian Air Force"),
				List.of("Opposition"), List.of("Syrian  government")), "seed", "h", "test");

		assertThat(ids(filtered(Set.of(), Set.of(EventFilters.actorKey("russian air force")), Set.of(), null)))
			.containsExactly("russia");
		assertThat(ids(filtered(Set.of(), Set.of(EventFilters.actorKey("Syrian government")), Set.of(), null)))
			.as("associated actors count, and spacing does not make another actor")
			.containsExactly("russia");
		assertThat(ids(filtered(Set.of(), Set.of(EventFilters.actorKey("Opposition")), Set.of(), null)))
			.containsExactly("opposition-only", "russia");
	}

	@Test
	void actorFilterFollowsAnEdit() {
		Event first = repository.insert(event("e", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		repository.update(withActors(first, List.of("Someone else"), List.of(), List.of()), "seed", "h2", "test");

		assertThat(ids(filtered(Set.of(), Set.of(EventFilters.actorKey("Opposition")), Set.of(), null))).isEmpty();
		assertThat(ids(filtered(Set.of(), Set.of(EventFilters.actorKey("someone else")), Set.of(), null)))
			.containsExactly("e");
	}

	@Test
	void claimStatusFilterUsesTheLeastSettledClaim() {
		// the test event has a reported and a denied claim: denied wins
		repository.insert(event("denied", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		repository.insert(withClaims(event("contested", "2024-12-02", "2024-12-02", HAMA), "reported", "contested"),
				"seed", "h", "test");
		repository.insert(withClaims(event("confirmed", "2024-12-03", "2024-12-03", HAMA), "confirmed"), "seed", "h",
				"test");
		repository.insert(withClaims(event("unclaimed", "2024-12-04", "2024-12-04", HAMA)), "seed", "h", "test");

		assertThat(ids(filtered(Set.of(), Set.of(), Set.of("contested"), null))).containsExactly("contested");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of("denied", "confirmed"), null)))
			.containsExactly("denied", "confirmed");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of("unclaimed"), null))).containsExactly("unclaimed");
		assertThat(repository.findById("contested").orElseThrow().claimStatus()).isEqualTo("contested");
	}

	@Test
	void textFilterNeedsEveryWordSomewhereAndTakesWildcardsLiterally() {
		repository.insert(withTitle(event("hill", "2024-12-01", "2024-12-01", HAMA), "Rebels reach a hill north of Hama"),
				"seed", "h", "test");
		repository.insert(withTitle(event("citadel", "2024-12-02", "2024-12-02", ALEPPO), "Visit to the 100% citadel"),
				"seed", "h", "test");

		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "HAMA hill"))).containsExactly("hill");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "hama citadel"))).isEmpty();
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "summary of citadel"))).as("summary is searched")
			.containsExactly("citadel");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "government"))).as("actors are searched")
			.containsExactly("hill", "citadel");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "100%"))).containsExactly("citadel");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "%"))).as("% is a character, not a wildcard")
			.containsExactly("citadel");
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "_"))).isEmpty();
		assertThat(ids(filtered(Set.of(), Set.of(), Set.of(), "' OR 1=1 --"))).isEmpty();
	}

	@Test
	void statsCountPerStartDayTypeClaimStatusAndActor() {
		repository.insert(event("a", "2024-12-01", "2024-12-03", HAMA), "seed", "h", "test");
		repository.insert(event("b", "2024-12-01", "2024-12-01", HAMA), "seed", "h", "test");
		repository.insert(withType(event("c", "2024-12-02", "2024-12-02", HAMA), "Explosions/Remote violence",
				"Air/drone strike"), "seed", "h", "test");
		repository.insert(withStatus(event("draft", "2024-12-02", "2024-12-02", HAMA), "draft"), "seed", "h", "test");

		EventStats stats = counts.stats(EventQuery.all(), 10);

		assertThat(stats.total()).isEqualTo(3);
		assertThat(stats.firstDay()).hasToString("2024-12-01");
		assertThat(stats.lastDay()).as("the last day any event lasts into").hasToString("2024-12-03");
		assertThat(stats.days()).extracting(d -> d.date().toString()).containsExactly("2024-12-01", "2024-12-02");
		assertThat(stats.days().get(0).counts()).containsExactly(java.util.Map.entry("Battles", 2L));
		assertThat(stats.byType()).containsEntry("Battles", 2L).containsEntry("Explosions/Remote violence", 1L)
			.containsEntry("Protests", 0L);
		assertThat(stats.byClaimStatus()).containsEntry("denied", 3L).containsEntry("contested", 0L);
		assertThat(stats.actors()).extracting(EventStats.ActorCount::name).containsExactly("Government", "Opposition");
		assertThat(stats.actors()).extracting(EventStats.ActorCount::count).containsExactly(3L, 3L);

		EventStats strikes = counts.stats(filtered(Set.of("Explosions/Remote violence"), Set.of(), Set.of(), null), 10);
		assertThat(strikes.total()).isEqualTo(1);
		assertThat(strikes.byType()).containsEntry("Battles", 0L);
	}

	@Test
	void theHistoryLogsEachKindOfChangeAndTheFeedShowsTheAnonymousOnlyWhatConcernsTheMap() {
		java.time.Instant start = java.time.Instant.now().minusSeconds(1);
		Event e = repository.insert(event("e", "2024-12-01", "2024-12-01", HAMA), "api", "h", "ana");
		Event draft = repository.insert(withStatus(event("d", "2024-12-01", "2024-12-01", HAMA), "draft"), "api", "h",
				"ana");
		Event edited = repository.update(withTitle(e, "Edited"), "api", "h", "omar");
		Event archived = repository.update(withStatus(edited, "archived"), "api", "h", "omar");
		Event restored = repository.update(withStatus(archived, "published"), "api", "h", "ana");
		repository.update(withTitle(restored, "Title of v1 again"), "api", "h", "ana", 1);
		repository.update(withStatus(draft, "archived"), "api", "h", "ana");

		assertThat(repository.versions("e")).extracting(c -> c.version() + " " + c.change() + " " + c.status() + " " + c.by())
			.containsExactly("1 created published ana", "2 updated published omar", "3 archived archived omar",
					"4 restored published ana", "5 restored published ana");
		assertThat(repository.versions("e").get(4).restoredFrom()).isEqualTo(1);
		assertThat(repository.atVersion("e", 2).orElseThrow().title()).isEqualTo("Edited");
		assertThat(repository.atVersion("e", 2).orElseThrow()).isEqualTo(edited);

		List<EventChange> all = repository.changes(start, null, false, 100);
		assertThat(all).extracting(c -> c.id() + c.version()).containsExactlyInAnyOrder("e1", "d1", "e2", "e3", "e4",
				"e5", "d2");
		assertThat(repository.changes(start, null, true, 100)).extracting(c -> c.id() + c.version())
			.as("the draft's writes are hidden; the archiving of a published event is not")
			.containsExactlyInAnyOrder("e1", "e2", "e3", "e4", "e5");
		List<EventChange> firstPage = repository.changes(start, null, false, 3);
		EventChange last = firstPage.get(2);
		List<EventChange> rest = repository.changes(start, new ChangeFeed.After(last.at(), last.id(), last.version()),
				false, 100);
		assertThat(firstPage.size() + rest.size()).isEqualTo(all.size());
		assertThat(rest).doesNotContainAnyElementsOf(firstPage);
		assertThat(repository.count(query(null, null, null), Set.of("draft", "archived", "published"))).isEqualTo(2);
		assertThat(repository.count(query(null, null, null))).isEqualTo(1);
	}

	/** Every CQL2 operator the OGC API answers, as SQL on this store: each filter and the events it finds. */
	@Test
	void cql2FiltersFindTheSameEventsOnEveryStore() {
		repository.insert(event("aleppo-battle", "2024-11-29", "2024-12-01", ALEPPO), "seed", "h", "test");
		repository.insert(withType(event("aleppo-strike", "2024-12-02", "2024-12-02", new double[] { 37.17, 36.21 }),
				"Explosions/Remote violence", "Air/drone strike"), "seed", "h", "test");
		repository.insert(event("hama-battle", "2024-12-05", "2024-12-06", HAMA), "seed", "h", "test");
		repository.insert(withType(event("hama-protest", "2024-12-04", "2024-12-04", HAMA), "Protests", "Peaceful protest"),
				"seed", "h", "test");
		String all = "aleppo-battle aleppo-strike hama-battle hama-protest";
		var cases = new String[][] {
			{ "event_type = 'Battles'", "aleppo-battle hama-battle" },
			{ "event_type <> 'Battles'", "aleppo-strike hama-protest" },
			{ "date_start >= DATE('2024-12-04')", "hama-battle hama-protest" },
			{ "date_start < DATE('2024-12-02') or event_type = 'Protests'", "aleppo-battle hama-protest" },
			{ "NOT (event_type = 'Battles') AND date_end <= DATE('2024-12-03')", "aleppo-strike" },
			{ "title LIKE '%hama%'", "hama-battle hama-protest" },
			{ "title LIKE 'Title of _leppo%'", "aleppo-battle aleppo-strike" },
			{ "title NOT LIKE '%leppo%'", "hama-battle hama-protest" },
			{ "date_start BETWEEN DATE('2024-12-01') AND DATE('2024-12-04')", "aleppo-strike hama-protest" },
			{ "event_type IN ('Protests', 'Explosions/Remote violence')", "aleppo-strike hama-protest" },
			{ "fatalities IS NULL", all },
			{ "fatalities IS NOT NULL", "" },
			{ "time_precision = 1 AND geo_precision <= 1.5", all },
			{ "\"event_type\" = 'Protests'", "hama-protest" },
			{ "S_INTERSECTS(geometry, BBOX(37.0, 36.0, 37.3, 36.4))", "aleppo-battle aleppo-strike" },
			{ "S_INTERSECTS(geometry, POLYGON((36.5 35.0, 37.0 35.0, 37.0 35.3, 36.5 35.3, 36.5 35.0)))",
					"hama-battle hama-protest" },
			{ "S_INTERSECTS(POINT(36.75783 35.13179), geometry)", "hama-battle hama-protest" },
			{ "T_INTERSECTS(datetime, INTERVAL('2024-12-01', '2024-12-04'))", "aleppo-battle aleppo-strike hama-protest" },
			{ "T_BEFORE(datetime, DATE('2024-12-02'))", "aleppo-battle" },
			{ "T_AFTER(datetime, TIMESTAMP('2024-12-04T23:00:00Z'))", "hama-battle" },
			{ "T_DURING(datetime, INTERVAL('2024-11-28', '2024-12-03'))", "aleppo-battle aleppo-strike" },
			{ "T_INTERSECTS(datetime, INTERVAL('2024-12-05', '..'))", "hama-battle" },
			// the other eleven of CQL2's temporal functions, each on the four events' days:
			// aleppo-battle 29 Nov-1 Dec, aleppo-strike 2 Dec, hama-protest 4 Dec, hama-battle 5-6 Dec
			{ "T_CONTAINS(datetime, DATE('2024-11-30'))", "aleppo-battle" },
			{ "T_DISJOINT(datetime, INTERVAL('2024-12-01', '2024-12-04'))", "hama-battle" },
			{ "T_EQUALS(datetime, INTERVAL('2024-12-05', '2024-12-06'))", "hama-battle" },
			{ "T_EQUALS(datetime, DATE('2024-12-02'))", "aleppo-strike" },
			{ "T_FINISHEDBY(datetime, INTERVAL('2024-11-30', '2024-12-01'))", "aleppo-battle" },
			{ "T_FINISHES(datetime, INTERVAL('2024-12-01', '2024-12-04'))", "hama-protest" },
			{ "T_MEETS(datetime, INTERVAL('2024-12-06', '2024-12-09'))", "hama-battle" },
			{ "T_METBY(datetime, INTERVAL('2024-11-20', '2024-11-29'))", "aleppo-battle" },
			{ "T_OVERLAPPEDBY(datetime, INTERVAL('2024-11-28', '2024-11-30'))", "aleppo-battle" },
			{ "T_OVERLAPS(datetime, INTERVAL('2024-11-30', '2024-12-03'))", "aleppo-battle" },
			{ "T_STARTEDBY(datetime, INTERVAL('2024-11-29', '2024-11-30'))", "aleppo-battle" },
			{ "T_STARTS(datetime, INTERVAL('2024-12-05', '2024-12-08'))", "hama-battle" },
			{ "t_starts(date_start, INTERVAL(date_start, '..'))", all },
			{ "T_INTERSECTS(date_end, INTERVAL(date_start, '..'))", all },
			{ "title = 'x'' OR ''1''=''1'", "" },
			{ "TRUE", all },
		};
		for (String[] c : cases) {
			assertThat(cqlIds(org.conflictmap.ogcapi.cql.Cql2Text.parse(c[0]))).as(c[0])
				.containsExactlyInAnyOrder(c[1].isEmpty() ? new String[0] : c[1].split(" "));
		}
		var json = new String[][] {
			{ """
					{"op": "and", "args": [{"op": "=", "args": [{"property": "event_type"}, "Battles"]},
					  {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [36.5, 35.0, 37.0, 35.3]}]}]}""",
					"hama-battle" },
			{ """
					{"op": "t_intersects", "args": [{"property": "datetime"}, {"interval": ["2024-12-04", "2024-12-04"]}]}""",
					"hama-protest" },
			{ """
					{"op": "in", "args": [{"property": "event_type"}, ["Protests"]]}""", "hama-protest" },
			{ """
					{"op": "t_metBy", "args": [{"property": "datetime"}, {"interval": ["2024-11-20", "2024-11-29"]}]}""",
					"aleppo-battle" },
			{ """
					{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Polygon", "coordinates":
					  [[[37.0, 36.0], [37.3, 36.0], [37.3, 36.4], [37.0, 36.4], [37.0, 36.0]]]}]}""",
					"aleppo-battle aleppo-strike" },
			{ """
					{"op": "not", "args": [{"op": "isNull", "args": [{"property": "admin1"}]}]}""", all },
		};
		for (String[] c : json) {
			assertThat(cqlIds(org.conflictmap.ogcapi.cql.Cql2Json.parse(c[0]))).as(c[0])
				.containsExactlyInAnyOrder(c[1].split(" "));
		}
		assertThat(repository.countUpTo(EventQuery.all(), 3)).as("counting stops at the cap").isEqualTo(3);
		assertThat(repository.countUpTo(EventQuery.all(), 10)).isEqualTo(4);
	}

	private List<String> cqlIds(org.conflictmap.ogcapi.cql.Expr filter) {
		var ids = new ArrayList<String>();
		repository.forEach(EventQuery.all().withFilter(org.conflictmap.ogcapi.cql.CqlSql.of(filter)), e -> ids.add(e.id()));
		return ids;
	}

	@Test
	void clustersCountTheSameEventsAsTheListPerScreenCell() {
		repository.insert(event("aleppo-1", "2024-12-01", "2024-12-01", ALEPPO), "seed", "h", "test");
		repository.insert(withType(event("aleppo-2", "2024-12-02", "2024-12-02", new double[] { 37.17, 36.21 }),
				"Explosions/Remote violence", "Air/drone strike"), "seed", "h", "test");
		repository.insert(event("hama", "2024-12-05", "2024-12-05", HAMA), "seed", "h", "test");
		repository.insert(withStatus(event("draft", "2024-12-05", "2024-12-05", HAMA), "draft"), "seed", "h", "test");

		EventClusters country = counts.clusters(query(null, null, null), 3);
		EventClusters city = counts.clusters(query(null, null, null), 12);

		assertThat(country.matched()).isEqualTo(repository.count(query(null, null, null))).isEqualTo(3);
		assertThat(country.clusters()).as("Aleppo and Hama, 120 km apart, are one cell at zoom 3 (cells of 10.5 degrees)")
			.singleElement()
			.satisfies(c -> {
				assertThat(c.count()).isEqualTo(3);
				assertThat(c.byType()).containsExactly(entry("Battles", 2L), entry("Explosions/Remote violence", 1L));
				assertThat(c.lon()).isCloseTo((ALEPPO[0] + 37.17 + HAMA[0]) / 3, within(1e-9));
				assertThat(c.bbox()).containsExactly(HAMA[0], HAMA[1], 37.17, 36.21);
			});
		assertThat(city.clusters()).as("at zoom 12 (cells of 0.005 degrees, 460 m) Aleppo's two events, 1.3 km apart, split too")
			.extracting(EventClusters.Cluster::count)
			.containsExactly(1L, 1L, 1L);
		assertThat(counts.clusters(query("2024-12-03", null, null), 12).clusters())
			.extracting(EventClusters.Cluster::count, c -> c.byType().keySet())
			.containsExactly(tuple(1L, Set.of("Battles")));
		assertThat(counts.clusters(filtered(Set.of("Explosions/Remote violence"), Set.of(), Set.of(), null), 5)
			.matched()).isEqualTo(1);
	}

	@Test
	void aWindowAddedUpFromKeptDaysCountsWhatOneReadOfItCounts() {
		// two months of events around Aleppo and Hama, a quarter lasting up to a week, in three types, with
		// claims, and actors in two spellings of one name
		var random = new java.util.Random(7);
		String[] types = { "Battles", "Explosions/Remote violence", "Protests" };
		String[] subTypes = { "Armed clash", "Air/drone strike", "Peaceful protest" };
		String[][] claims = { {}, { "reported" }, { "confirmed" }, { "contested", "reported" } };
		List<List<String>> actors = List.of(List.of("HTS"), List.of("Hts"), List.of("Government", "Russia"));
		for (int i = 0; i < 80; i++) {
			var start = java.time.LocalDate.parse("2024-11-01").plusDays(random.nextInt(61));
			var end = start.plusDays(random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 0);
			double[] at = random.nextBoolean() ? ALEPPO : HAMA;
			double[] near = { at[0] + random.nextGaussian() * 0.2, at[1] + random.nextGaussian() * 0.2 };
			int t = random.nextInt(types.length);
			Event e = withType(event("e" + i, start.toString(), end.toString(), near), types[t], subTypes[t]);
			e = withClaims(e, claims[random.nextInt(claims.length)]);
			e = withActors(e, actors.get(random.nextInt(actors.size())), List.of(), List.of());
			repository.insert(e, "seed", "h", "test");
		}
		var readWhole = new EventCounts(jdbc, repository, 0, Runnable::run);
		var aleppo = new Envelope(36.6, 37.6, 35.8, 36.6);
		var windows = new ArrayList<EventQuery>();
		// a slider's steps: the start forward, the end back, the start back, the end forward, both out, then
		// jumps elsewhere and a step from there
		for (String[] w : new String[][] { { "2024-11-10", "2024-12-20" }, { "2024-11-11", "2024-12-20" },
				{ "2024-11-12", "2024-12-20" }, { "2024-11-12", "2024-12-19" }, { "2024-11-08", "2024-12-19" },
				{ "2024-11-08", "2024-12-22" }, { "2024-11-05", "2024-12-26" }, { "2024-12-24", "2024-12-31" },
				{ "2024-12-23", "2024-12-31" }, { "2024-11-01", "2024-11-01" } }) {
			windows.add(query(w[0], w[1], null));
			windows.add(query(w[0], w[1], aleppo));
		}
		windows.add(new EventQuery(java.time.LocalDate.parse("2024-11-12"), java.time.LocalDate.parse("2024-12-19"),
				null, EventQuery.MAX_LIMIT, 0, Set.of("Battles"), Set.of(EventFilters.actorKey("HTS")),
				Set.of("reported", "unclaimed"), null));
		windows.add(new EventQuery(java.time.LocalDate.parse("2024-11-12"), java.time.LocalDate.parse("2024-12-19"),
				aleppo, EventQuery.MAX_LIMIT, 0, Set.of(), Set.of(), Set.of(), "title"));

		for (EventQuery w : windows) {
			assertSameCounts(counts, readWhole, w);
		}
		EventQuery window = windows.get(2);
		long before = counts.stats(window, 5).total();
		assertThat(before).isPositive();
		assertThat(counts.stats(window, 5).actors()).extracting(EventStats.ActorCount::name)
			.as("the two spellings of one actor are counted together, shown as the first in Java's order")
			.contains("HTS")
			.doesNotContain("Hts");

		// writes between two steps: one event more in the window, one moved into it by a longer end
		repository.insert(event("new", "2024-11-30", "2024-11-30", HAMA), "seed", "h", "test");
		Event early = repository.insert(event("early", "2024-10-20", "2024-10-20", ALEPPO), "seed", "h", "test");
		repository.update(new Event(early.id(), early.title(), early.summary(), early.eventType(),
				early.subEventType(), early.actors(), early.dateStart(), java.time.LocalDate.parse("2024-11-15"),
				early.timePrecision(), early.placeText(), early.geocode(), early.country(), early.admin1(),
				early.geom(), early.fatalities(), early.claims(), early.sources(), early.controlChange(),
				early.status(), early.version(), early.createdAt(), early.updatedAt()), "seed", "h2", "test");
		assertThat(counts.stats(window, 5).total()).as("both writes are seen at once").isEqualTo(before + 2);
		assertThat(counts.clusters(window, 9).matched()).isEqualTo(before + 2);
		for (EventQuery w : windows) {
			assertSameCounts(counts, readWhole, w);
		}
	}

	private void assertSameCounts(EventCounts kept, EventCounts whole, EventQuery w) {
		String window = w.from() + ".." + w.to() + (w.bbox() == null ? "" : " in " + w.bbox());
		assertThat(kept.stats(w, 5)).as("stats of " + window).isEqualTo(whole.stats(w, 5));
		assertThat(cells(kept.clusters(w, 9))).as("clusters of " + window).isEqualTo(cells(whole.clusters(w, 9)));
		assertThat(kept.clusters(w, 9).matched()).isEqualTo(repository.count(w));
	}

	/** Clusters as text: the mean position to 1e-9 degrees (sums added in another order differ in the last bits). */
	private static List<String> cells(EventClusters clusters) {
		return clusters.clusters().stream()
			.map(c -> String.format(java.util.Locale.ROOT, "%s %d %.9f %.9f %s %s", c.id(), c.count(), c.lon(), c.lat(),
					java.util.Arrays.toString(c.bbox()), c.byType()))
			.toList();
	}

	private static EventQuery filtered(Set<String> types, Set<String> actors, Set<String> statuses, String text) {
		return new EventQuery(null, null, null, EventQuery.MAX_LIMIT, 0, types, actors, statuses, text);
	}

	@Test
	void aBoxAcrossTheAntimeridianFindsWhatLiesEitherSideOfIt() {
		repository.insert(event("east-of-it", "2024-12-04", "2024-12-04", new double[] { 179.5, 65 }), "seed", "h", "test");
		repository.insert(event("west-of-it", "2024-12-04", "2024-12-04", new double[] { -179.5, 66 }), "seed", "h", "test");
		repository.insert(event("far-west", "2024-12-04", "2024-12-04", new double[] { 170, 65 }), "seed", "h", "test");
		repository.insert(event("too-far-north", "2024-12-04", "2024-12-04", new double[] { 179.5, 75 }), "seed", "h", "test");

		EventQuery across = query(null, null, EventQuery.bbox("177,60,-177,70"));
		EventQuery month = query("2024-12-01", "2024-12-31", EventQuery.bbox("177,60,-177,70"));

		assertThat(ids(across)).containsExactlyInAnyOrder("east-of-it", "west-of-it");
		assertThat(ids(month)).as("with a window, another path").containsExactlyInAnyOrder("east-of-it", "west-of-it");
		assertThat(repository.count(across)).isEqualTo(2);
		assertThat(counts.clusters(across, 3).matched()).isEqualTo(2);
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
