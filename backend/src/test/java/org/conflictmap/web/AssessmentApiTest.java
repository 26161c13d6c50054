package org.conflictmap.web;

import java.util.List;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * Territory assessments over HTTP, as a curator's script and the public map meet them: writes with
 * If-Match, drafts kept from the public, every bad geometry a 400 that says where with nothing stored,
 * and a published assessment reshaping the day's territory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/assessments-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class AssessmentApiTest {

	private static final String ADMIN = basic("admin", "a-long-admin-password");

	private static final String PATH = "/api/territory/assessments";

	/** Maarat al-Numan, which the baseline leaves to the government. */
	private static final Coordinate MAARAT = new Coordinate(36.6725, 35.6436);

	@LocalServerPort
	int port;

	static String feature(String geometry, String status, String extra) {
		return """
				{"type": "Feature", "geometry": %s,
				 "properties": {"side": "opposition", "valid_from": "2024-11-30", "confidence": "medium",
				   "note": "Taken on 30 November", "status": "%s"%s}}""".formatted(geometry, status, extra);
	}

	static String square(double lon, double lat, double half) {
		return """
				{"type": "Polygon", "coordinates": [[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}""".formatted(
				lon - half, lat - half, lon + half, lat - half, lon + half, lat + half, lon - half, lat + half, lon - half,
				lat - half);
	}

	@Test
	void aDraftIsTheCuratorsUntilPublishedAndAStaleSaveIsRefused() {
		assertThat(call("POST", PATH, feature(square(36.67, 35.64, 0.05), "draft", ""), null).status())
			.as("no login, no write").isEqualTo(401);

		Exchange created = call("POST", PATH, feature(square(36.67, 35.64, 0.05), "draft", ""), ADMIN);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		String location = created.header("Location");
		assertThat(location).matches(PATH + "/opposition-2024-11-30-[0-9a-f]{8}");
		assertThat(HttpJson.get(url(location)).status()).as("a draft is not public").isEqualTo(404);
		assertThat(HttpJson.get(url(PATH + "?status=draft")).status()).as("nor the list of drafts").isEqualTo(400);

		assertThat(call("PUT", location, feature(square(36.67, 35.64, 0.05), "published", ""), ADMIN).status())
			.as("a replace must say which version it changes").isEqualTo(428);
		Exchange published = call("PUT", location, feature(square(36.67, 35.64, 0.06), "published", ""), ADMIN,
				"If-Match", "\"1\"");
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.header("ETag")).isEqualTo("\"2\"");
		assertThat(HttpJson.get(url(location)).body().get("properties").get("status").asString()).isEqualTo("published");

		Exchange stale = call("PUT", location, feature(square(36.67, 35.64, 0.07), "published", ""), ADMIN,
				"If-Match", "\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("current_version").asInt()).isEqualTo(2);
		assertThat(stale.header("ETag")).isEqualTo("\"2\"");

		JsonNode history = HttpJson.get(url(location + "/history")).body();
		assertThat(history.get("versions").findValuesAsString("change")).as("the public sees published versions")
			.containsExactly("updated");
		JsonNode curators = call("GET", location + "/history", null, ADMIN).json().get("versions");
		assertThat(curators.get(1).get("changes").findValuesAsString("field")).as("draft -> published, the area redrawn")
			.containsExactly("status", "coordinates");
		Exchange archived = call("DELETE", location, null, ADMIN);
		assertThat(archived.json().get("properties").get("status").asString()).isEqualTo("archived");
		assertThat(call("POST", location + "/restore?version=2", null, ADMIN).json().get("properties").get("version")
			.asInt()).isEqualTo(4);
	}

	@Test
	void theChangesFeedListsAssessmentWritesBesideEventWritesInPagesThatLoseNothing() {
		// to the millisecond, as writes are stored: the seeds, written at start, come before it
		java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		// far from the places the other tests look at; archived at the end
		String a = call("POST", PATH, feature(square(41.0, 36.0, 0.05), "published", ""), ADMIN).header("Location");
		Exchange event = call("POST", "/api/events", """
				{"title": "Shelling north of Hama", "summary": "Artillery hit the hills north of the city.",
				 "event_type": "Explosions/Remote violence",
				 "sub_event_type": "Shelling/artillery/missile attack", "actors": {"side_a": ["Military Forces of Syria"]},
				 "date_start": "2024-12-04", "date_end": "2024-12-04", "time_precision": 1, "place_text": "Hama",
				 "claims": [{"by": "Syrian army", "statement": "Hama was shelled.", "status": "reported"}],
				 "sources": [{"publisher": "Test Wire", "published": "2024-12-04"}], "status": "published"}""", ADMIN);
		assertThat(event.status()).as(event.body()).isEqualTo(201);
		String e = event.header("Location");
		String draft = call("POST", PATH, feature(square(41.0, 36.0, 0.04), "draft", ""), ADMIN).header("Location");
		call("DELETE", a, null, ADMIN);

		String aId = a.substring(a.lastIndexOf('/') + 1);
		String eId = e.substring(e.lastIndexOf('/') + 1);
		String draftId = draft.substring(draft.lastIndexOf('/') + 1);
		assertThat(feed(start, ADMIN)).containsSubsequence("assessment " + aId + "@1 created",
				"event " + eId + "@1 created", "assessment " + draftId + "@1 created", "assessment " + aId + "@2 archived");
		assertThat(feed(start, null)).as("the public: no draft's writes")
			.containsExactly("assessment " + aId + "@1 created", "event " + eId + "@1 created",
					"assessment " + aId + "@2 archived");
	}

	/** Every write since {@code since}, one per page, following the next links. */
	private List<String> feed(java.time.Instant since, String auth) {
		var seen = new java.util.ArrayList<String>();
		String next = "/api/changes?limit=1&since=" + since;
		while (next != null) {
			Exchange page = call("GET", next, null, auth);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().get("changes").forEach(c -> seen.add(c.get("subject").asString() + " " + c.get("id").asString()
					+ "@" + c.get("version").asInt() + " " + c.get("change").asString()));
			next = page.json().get("next").isNull() ? null : page.json().get("next").asString();
			assertThat(seen.size()).as("paging ends").isLessThan(100);
		}
		assertThat(seen).doesNotHaveDuplicates();
		return seen;
	}

	@Test
	void polygonsDrawnOverEachOtherAreJoinedAndRingOrderIsRepaired() {
		// two overlapping squares, the second drawn clockwise
		String overlapping = """
				{"type": "MultiPolygon", "coordinates": [
				  [[[36.6,35.6],[36.7,35.6],[36.7,35.7],[36.6,35.7],[36.6,35.6]]],
				  [[[36.65,35.65],[36.65,35.75],[36.75,35.75],[36.75,35.65],[36.65,35.65]]]]}""";

		Exchange saved = call("POST", PATH, feature(overlapping, "draft", ""), ADMIN);

		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		JsonNode coordinates = saved.json().get("geometry").get("coordinates");
		assertThat(coordinates).as("one area").hasSize(1);
		assertThat(coordinates.get(0).get(0)).as("its outline: 8 corners and the closing one").hasSize(9);
	}

	@Test
	void everyBadGeometryIsA400ThatSaysWhereAndNothingIsStored() {
		int before = drafts();
		String bowtie = "{\"type\": \"Polygon\", \"coordinates\": [[[36.6,35.6],[36.8,35.8],[36.8,35.6],[36.6,35.8],[36.6,35.6]]]}";
		String tooMany = manyVertices(50_001);
		var cases = List.of(
				List.of(bowtie, "self-intersection at lon 36.70000, lat 35.70000"),
				List.of(square(30.0, 35.0, 0.5), "reaches outside the region"),
				List.of("{\"type\": \"Polygon\", \"coordinates\": []}", "a polygon needs at least one ring"),
				List.of("{\"type\": \"MultiPolygon\", \"coordinates\": []}", "is empty"),
				List.of("{\"type\": \"Point\", \"coordinates\": [36.6, 35.6]}", "Polygon or MultiPolygon"),
				List.of("{\"type\": \"Polygon\", \"coordinates\": [[[36.6,35.6],[\"x\",35.8],[36.8,35.6],[36.6,35.6]]]}",
						"position 2 of ring 1 must be [lon, lat]"),
				List.of(tooMany, "has 50002 vertices, more than the 50000"));
		for (List<String> c : cases) {
			Exchange refused = call("POST", PATH, feature(c.get(0), "draft", ""), ADMIN);
			assertThat(refused.status()).as(c.get(1)).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("geometry");
			assertThat(refused.json().get("errors").get(0).get("detail").asString()).contains(c.get(1));
		}
		Exchange wrongFields = call("POST", PATH, """
				{"type": "Feature", "geometry": %s, "properties": {"side": "rebels", "valid_from": "2024-13-01",
				 "confidence": "sure", "evidence": ["no-such-event"]}}""".formatted(square(36.67, 35.64, 0.05)), ADMIN);
		assertThat(wrongFields.status()).isEqualTo(400);
		assertThat(wrongFields.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("side", "valid_from", "confidence", "evidence");
		assertThat(drafts()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void aPublishedAssessmentIsWhereTheDaysTerritoryStarts() {
		JsonNode dayBefore = HttpJson.get(url("/api/frontlines?date=2024-11-30")).body();
		double km2Before = dayBefore.get("area_km2").get("opposition").asDouble();
		var wgs84 = new GeometryFactory();
		assertThat(control(dayBefore).contains(wgs84.createPoint(MAARAT))).isFalse();

		// the baseline (published, from seeds/territory) and Maarat al-Numan, drawn as one area (as the
		// editor's "add to the shown area" makes it)
		JsonNode baseline = HttpJson.get(url(PATH + "?side=opposition&date=2024-11-30")).body().get("features");
		assertThat(baseline).as("the seeded baseline is a published assessment").hasSize(2);
		org.locationtech.jts.geom.Geometry area = org.conflictmap.territory.GeoJson.polygonal(
				org.conflictmap.event.EventJson.MAPPER.readTree(square(MAARAT.x, MAARAT.y, 0.06)), "Maarat");
		for (JsonNode f : baseline) {
			area = area.union(org.conflictmap.territory.GeoJson.polygonal(f.get("geometry"), "baseline"));
		}
		String geometry = org.conflictmap.event.EventJson.MAPPER
			.writeValueAsString(org.conflictmap.territory.GeoJson.geometry(area));
		Exchange saved = call("POST", PATH, feature(geometry, "published", ""), ADMIN);
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);

		JsonNode day = HttpJson.get(url("/api/frontlines?date=2024-11-30")).body();
		assertThat(control(day).contains(wgs84.createPoint(MAARAT))).as("Maarat al-Numan is held from the 30th").isTrue();
		assertThat(day.get("area_km2").get("opposition").asDouble()).isGreaterThan(km2Before + 50);
		JsonNode properties = controlFeature(day).get("properties");
		assertThat(properties.get("status").asString()).isEqualTo("assessed");
		assertThat(properties.get("confidence").asString()).as("the assessment's, for the popup").isEqualTo("medium");
		assertThat(properties.get("evidence").toString()).contains(saved.json().get("id").asString());
		assertThat(HttpJson.get(url("/api/frontlines?date=2024-11-29")).body().get("area_km2").get("opposition").asDouble())
			.as("the day before is as it was").isEqualTo(km2Before);
	}

	private static String manyVertices(int n) {
		var ring = new StringBuilder("[");
		for (int i = 0; i < n; i++) {
			double a = 2 * Math.PI * i / n;
			ring.append(String.format(java.util.Locale.ROOT, "[%.6f,%.6f],", 36.7 + 0.1 * Math.cos(a), 35.6 + 0.1 * Math.sin(a)));
		}
		ring.append("[36.8,35.6]]");
		return "{\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}";
	}

	private static JsonNode controlFeature(JsonNode day) {
		for (JsonNode f : day.get("features")) {
			if ("control".equals(f.get("properties").get("kind").asString())
					&& "opposition".equals(f.get("properties").get("side").asString())) {
				return f;
			}
		}
		throw new AssertionError("no opposition control area in " + day);
	}

	private static org.locationtech.jts.geom.Geometry control(JsonNode day) {
		return org.conflictmap.territory.GeoJson.polygonal(controlFeature(day).get("geometry"), "test");
	}

	private int drafts() {
		return call("GET", PATH + "?status=draft,published,archived", null, ADMIN).json().get("features").size();
	}

	private Exchange call(String method, String path, String json, String auth, String... headers) {
		var all = new java.util.ArrayList<String>(List.of(headers));
		if (auth != null) {
			all.add("Authorization");
			all.add(auth);
		}
		String[] h = all.toArray(String[]::new);
		return json == null ? HttpJson.send(method, url(path), h) : HttpJson.sendJson(method, url(path), json, h);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
