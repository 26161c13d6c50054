package org.conflictmap.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * The write API as a curator's script uses it: create, publish, edit with If-Match, archive, restore,
 * history and the changes feed, over HTTP on the whole application with the embedded store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/curation-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class CurationApiTest {

	private static final String ADMIN = basic("admin", "a-long-admin-password");

	/** An event as a curator writes it: the GeoJSON properties' names, the place as the report says it. */
	private static final String EVENT = """
			{"title": "Shelling north of Hama", "summary": "Artillery hit the hills north of the city.",
			 "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
			 "actors": {"side_a": ["Military Forces of Syria"], "side_b": ["Hayat Tahrir al-Sham"]},
			 "date_start": "2024-12-04", "date_end": "2024-12-04", "time_precision": 1,
			 "place_text": "north of Hama", "fatalities": null,
			 "claims": [{"by": "Syrian army", "statement": "Positions north of Hama were shelled.", "status": "reported"}],
			 "sources": [{"publisher": "Test Wire", "published": "2024-12-04", "dateline": "Beirut",
			              "url": "https://example.org/report"}]%s}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The shipped gazetteer plus two villages of one name that rank alike (invented ids), so a write can
	 * meet a place the geocoder must not choose for the curator.
	 */
	@DynamicPropertySource
	static void gazetteerWithTwins(DynamicPropertyRegistry registry) throws IOException {
		Path file = Files.createTempFile("geonames-twins", ".tsv");
		try (InputStream extract = CurationApiTest.class
			.getResourceAsStream("/org/conflictmap/gazetteer/geonames-extract.tsv")) {
			Files.write(file, extract.readAllBytes());
		}
		Files.writeString(file, """
				990001	Twinville	Twinville	Twinville	35.5	37.0	P	PPL	SY		10				0		300	Asia/Damascus	2024-01-01
				990002	Twinville	Twinville	Twinville	35.6	37.3	P	PPL	SY		10				0		300	Asia/Damascus	2024-01-01
				""", StandardOpenOption.APPEND);
		registry.add("conflictmap.gazetteer.geonames-file", file::toString);
	}

	@Test
	void aNewEventIsADraftOnlyCuratorsSeeUntilItIsPublished() {
		Exchange created = call("POST", "/api/events", event(""), "Authorization", ADMIN);
		String location = created.header("Location");

		assertThat(created.status()).isEqualTo(201);
		assertThat(location).as("a draft's id: its day and a random part, none of its words")
			.matches("/api/events/2024-12-04-[0-9a-f]{8}");
		String id = location.substring("/api/events/".length());
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		JsonNode properties = created.json().get("properties");
		assertThat(properties.get("status").asString()).isEqualTo("draft");
		assertThat(properties.get("geocode_method").asString()).isEqualTo("relative-direction");
		assertThat(properties.get("place_id").asString()).as("anchored on Hama").isEqualTo("gn:170017");
		assertThat(send("GET", location).status()).as("anonymous readers do not see drafts").isEqualTo(404);
		assertThat(call("GET", location, null, "Authorization", ADMIN).status()).isEqualTo(200);
		assertThat(publicIds()).doesNotContain(id);

		Exchange published = call("PUT", location, event(", \"status\": \"published\""), "Authorization", ADMIN,
				"If-Match", "\"1\"");

		assertThat(published.status()).isEqualTo(200);
		assertThat(published.header("ETag")).isEqualTo("\"2\"");
		assertThat(send("GET", location).status()).isEqualTo(200);
		assertThat(publicIds()).contains(id);
	}

	@Test
	void aChangeMadeToAnOlderVersionIsRefusedWith412AndLosesNothing() {
		String location = create("Clash at the Hama airbase", "");
		Exchange first = call("PUT", location, titled("Clash at the Hama military airport", ""), "Authorization", ADMIN,
				"If-Match", "\"1\"");

		Exchange stale = call("PUT", location, titled("Clash near Hama", ""), "Authorization", ADMIN, "If-Match",
				"\"1\"");
		Exchange unconditional = call("PUT", location, titled("Clash near Hama", ""), "Authorization", ADMIN);

		assertThat(first.status()).isEqualTo(200);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
		assertThat(stale.header("ETag")).isEqualTo("\"2\"");
		assertThat(stale.json().get("current_version").asInt()).isEqualTo(2);
		assertThat(stale.json().get("detail").asString()).contains("version 2").contains("made to version 1");
		assertThat(unconditional.status()).isEqualTo(428);
		assertThat(title(location)).isEqualTo("Clash at the Hama military airport");
	}

	@Test
	void everyProblemInABodyIsReportedAtOnceWithItsFieldAndNothingIsStored() {
		long before = storedEvents();
		String body = """
				{"title": "", "summary": "s", "event_type": "Battles", "sub_event_type": "Air/drone strike",
				 "actors": {"side_a": []}, "date_start": "2024-12-05", "date_end": "2024-12-01",
				 "time_precision": 1, "place_text": "Hama", "colour": "red",
				 "claims": [{"by": "X", "statement": "Y", "status": "rumoured"}],
				 "sources": [{"publisher": "W", "published": "5 Dec", "url": "javascript:alert(1)"}],
				 "control_change": {"side": "rebels", "change": "gained"}, "status": "archived"}""";

		Exchange r = call("POST", "/api/events", body, "Authorization", ADMIN);

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		r.json().get("errors").forEach(e -> fields.add(e.get("field").isNull() ? null : e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder(null, "title", "sub_event_type", "actors.side_a", "date_end",
				"claims[0].status", "sources[0].published", "sources[0].url", "control_change.side", "status");
		assertThat(r.json().get("errors").toString()).contains("unknown field 'colour'")
			.contains("must be one of [draft, published], not 'archived'");
		assertThat(storedEvents()).isEqualTo(before);
	}

	@Test
	void malformedBodiesAreClear400s() {
		Exchange notJson = call("POST", "/api/events", "{\"title\": ", "Authorization", ADMIN);
		Exchange duplicate = call("POST", "/api/events", "{\"title\": \"a\", \"title\": \"b\"}", "Authorization", ADMIN);
		Exchange list = call("POST", "/api/events", "[1, 2]", "Authorization", ADMIN);
		Exchange huge = call("POST", "/api/events", titled("x".repeat(501), "").replace("Test Wire", "w".repeat(600)),
				"Authorization", ADMIN);
		Exchange text = HttpJson.sendJson("POST", url("/api/events"), "title: x", "Authorization", ADMIN,
				"Content-Type", "text/plain");

		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("errors").get(0).get("detail").asString()).startsWith("not valid JSON");
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.json().get("errors").toString()).contains("title");
		assertThat(list.status()).isEqualTo(400);
		assertThat(list.json().get("errors").get(0).get("detail").asString()).contains("must be a mapping");
		assertThat(text.status()).isEqualTo(415);
		assertThat(huge.status()).as("longer than the store keeps: a 400, not a database error").isEqualTo(400);
		assertThat(huge.json().get("errors").toString()).contains("\"title\"").contains("sources[0].publisher")
			.contains("501 characters long; at most 500");
	}

	@Test
	void aPlaceTheGeocoderCannotChooseIsA422ListingTheCandidatesAndAPinResolvesIt() {
		Exchange ambiguous = call("POST", "/api/events", titled("Raid on Twinville", "").replace("north of Hama", "Twinville"),
				"Authorization", ADMIN);

		assertThat(ambiguous.status()).isEqualTo(422);
		assertThat(ambiguous.json().get("field").asString()).isEqualTo("place_text");
		assertThat(ambiguous.json().get("detail").asString()).contains("rank alike");
		List<String> ids = new ArrayList<>();
		ambiguous.json().get("candidates").forEach(c -> ids.add(c.get("id").asString()));
		assertThat(ids).containsExactlyInAnyOrder("gn:990001", "gn:990002");

		Exchange pinned = call("POST", "/api/events", titled("Raid on Twinville", ", \"place\": {\"gazetteer_id\": "
				+ "\"gn:990002\", \"geo_precision\": 1, \"note\": \"the eastern one, per the report's map\"}")
			.replace("north of Hama", "Twinville"), "Authorization", ADMIN);
		Exchange coordinates = call("POST", "/api/events", titled("Raid near the dam", ", \"place\": {\"lat\": 35.9, "
				+ "\"lon\": 38.5, \"geo_precision\": 2, \"country\": \"SY\"}"), "Authorization", ADMIN);

		assertThat(pinned.status()).isEqualTo(201);
		JsonNode p = pinned.json().get("properties");
		assertThat(p.get("geocode_method").asString()).isEqualTo("pinned-id");
		assertThat(p.get("geocode_explanation").asString()).contains("pinned by the curator").contains("eastern one");
		assertThat(pinned.json().get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(37.3);
		assertThat(coordinates.json().get("properties").get("geocode_method").asString()).isEqualTo("pinned-coordinates");
		assertThat(coordinates.json().get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(35.9);
	}

	@Test
	void archivingTakesAnEventOffTheMapAndTheExportsAndRestoringBringsItBack() {
		String location = create("Strike on a Hama bridge", ", \"status\": \"published\"");
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(publicIds()).contains(id);

		Exchange archived = call("DELETE", location, null, "Authorization", ADMIN, "If-Match", "\"1\"");

		assertThat(archived.status()).isEqualTo(200);
		assertThat(archived.json().get("properties").get("status").asString()).isEqualTo("archived");
		assertThat(publicIds()).doesNotContain(id);
		assertThat(send("GET", "/api/export/events.csv").body()).doesNotContain(id);
		assertThat(send("GET", location).status()).isEqualTo(404);
		assertThat(call("PUT", location, titled("Strike on a Hama bridge", ""), "Authorization", ADMIN, "If-Match",
				"\"2\"").status()).as("an archived event is restored before it is edited").isEqualTo(409);

		Exchange restored = call("POST", location + "/restore", null, "Authorization", ADMIN);

		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.header("ETag")).isEqualTo("\"3\"");
		assertThat(restored.json().get("properties").get("status").asString()).isEqualTo("published");
		assertThat(publicIds()).contains(id);
		assertThat(send("GET", "/api/export/events.csv").body()).contains(id);
	}

	@Test
	void theHistoryShowsWhoChangedWhatAndAnyVersionCanBeRestoredAsANewOne() {
		String location = create("Clashes in Hama", ", \"status\": \"published\"");
		call("PUT", location, titled("Clashes in the city of Hama", ", \"status\": \"published\""), "Authorization",
				ADMIN, "If-Match", "\"1\"");

		Exchange restored = call("POST", location + "/restore?version=1", null, "Authorization", ADMIN, "If-Match",
				"\"2\"");
		JsonNode history = send("GET", location + "/history").json();

		assertThat(restored.status()).isEqualTo(200);
		assertThat(title(location)).isEqualTo("Clashes in Hama");
		assertThat(history.get("current_version").asInt()).isEqualTo(3);
		JsonNode versions = history.get("versions");
		assertThat(versions).hasSize(3);
		assertThat(versions.get(0).get("version").asInt()).as("newest first").isEqualTo(3);
		assertThat(versions.get(0).get("change").asString()).isEqualTo("restored");
		assertThat(versions.get(0).get("restored_from").asInt()).isEqualTo(1);
		assertThat(versions.get(1).get("change").asString()).isEqualTo("updated");
		assertThat(versions.get(1).get("written_by").asString()).isEqualTo("admin");
		assertThat(versions.get(1).get("changes")).singleElement().satisfies(c -> {
			assertThat(c.get("field").asString()).isEqualTo("title");
			assertThat(c.get("from").asString()).isEqualTo("Clashes in Hama");
			assertThat(c.get("to").asString()).isEqualTo("Clashes in the city of Hama");
		});
		assertThat(versions.get(2).get("change").asString()).isEqualTo("created");
		assertThat(call("POST", location + "/restore?version=9", null, "Authorization", ADMIN).status()).isEqualTo(404);
	}

	@Test
	void savingWhatIsAlreadyThereMakesNoNewVersion() {
		String location = create("Fighting at Souran", "");

		Exchange again = call("PUT", location, titled("Fighting at Souran", ""), "Authorization", ADMIN, "If-Match",
				"\"1\"");

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("ETag")).isEqualTo("\"1\"");
		assertThat(call("GET", location + "/history", null, "Authorization", ADMIN).json().get("versions")).hasSize(1);
	}

	@Test
	void anIdCanBeChosenButNeverTakenTwiceOrChanged() {
		Exchange chosen = call("POST", "/api/events", event(", \"id\": \"hama-shelling-dec-4\""), "Authorization", ADMIN);
		Exchange taken = call("POST", "/api/events", event(", \"id\": \"hama-shelling-dec-4\""), "Authorization", ADMIN);
		Exchange renamed = call("PUT", "/api/events/hama-shelling-dec-4", event(", \"id\": \"another-id\""),
				"Authorization", ADMIN, "If-Match", "\"1\"");

		assertThat(chosen.status()).isEqualTo(201);
		assertThat(chosen.header("Location")).isEqualTo("/api/events/hama-shelling-dec-4");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(renamed.status()).isEqualTo(400);
		assertThat(renamed.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void theChangesFeedListsEveryWriteInOrderPageByPageAndHidesDraftsFromTheAnonymous() {
		Instant start = Instant.now().minusMillis(1);
		String draft = create("Draft only: shelling in Hama", "");
		String published = create("Published: shelling in Hama", ", \"status\": \"published\"");
		call("PUT", published, titled("Published: heavy shelling in Hama", ", \"status\": \"published\""),
				"Authorization", ADMIN, "If-Match", "\"1\"");
		call("DELETE", published, null, "Authorization", ADMIN);

		List<String> curatorSees = feed(start, ADMIN);
		List<String> anonymousSees = feed(start, null);

		String d = draft.substring(draft.lastIndexOf('/') + 1);
		String p = published.substring(published.lastIndexOf('/') + 1);
		assertThat(curatorSees).containsSubsequence(d + "@1 created draft", p + "@1 created published",
				p + "@2 updated published", p + "@3 archived archived");
		assertThat(anonymousSees).containsSubsequence(p + "@1 created published", p + "@2 updated published",
				p + "@3 archived archived");
		assertThat(anonymousSees).noneMatch(c -> c.startsWith(d));
		assertThat(send("GET", "/api/changes").status()).isEqualTo(400);
		assertThat(send("GET", "/api/changes?since=yesterday").status()).isEqualTo(400);
		assertThat(send("GET", "/api/changes?since=2024-01-01T00:00:00Z&after=bm9wZQ").status()).isEqualTo(400);
	}

	/** Every change since {@code since}, two per page, following the next links. */
	private List<String> feed(Instant since, String authorization) {
		var seen = new ArrayList<String>();
		String next = "/api/changes?limit=2&since=" + since;
		int pages = 0;
		while (next != null) {
			Exchange page = authorization == null ? send("GET", next) : call("GET", next, null, "Authorization", authorization);
			assertThat(page.status()).isEqualTo(200);
			JsonNode body = page.json();
			assertThat(body.get("changes").size()).isLessThanOrEqualTo(2);
			body.get("changes").forEach(c -> seen.add(c.get("id").asString() + "@" + c.get("version").asInt() + " "
					+ c.get("change").asString() + " " + c.get("status").asString()));
			next = body.get("next").isNull() ? null : body.get("next").asString();
			assertThat(++pages).as("paging ends").isLessThan(100);
		}
		assertThat(seen).doesNotHaveDuplicates();
		return seen;
	}

	private String create(String title, String extra) {
		Exchange r = call("POST", "/api/events", titled(title, extra), "Authorization", ADMIN);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.header("Location");
	}

	private String title(String location) {
		return call("GET", location, null, "Authorization", ADMIN).json().get("properties").get("title").asString();
	}

	private List<String> publicIds() {
		var ids = new ArrayList<String>();
		send("GET", "/api/events").json().get("features").forEach(f -> ids.add(f.get("id").asString()));
		return ids;
	}

	private long storedEvents() {
		return jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();
	}

	private static String event(String extra) {
		return EVENT.formatted(extra);
	}

	private static String titled(String title, String extra) {
		return event(extra).replace("Shelling north of Hama", title);
	}

	private Exchange send(String method, String path, String... headers) {
		return HttpJson.send(method, url(path), headers);
	}

	/** A request with a JSON body, or none when {@code json} is null. */
	private Exchange call(String method, String path, String json, String... headers) {
		return json == null ? HttpJson.send(method, url(path), headers) : HttpJson.sendJson(method, url(path), json, headers);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
