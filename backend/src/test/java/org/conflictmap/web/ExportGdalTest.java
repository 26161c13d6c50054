package org.conflictmap.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.conflictmap.support.Gdal;
import org.conflictmap.support.HttpJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every export read back by GDAL, as a QGIS or ogr2ogr user would: the same events as {@code /api/events}
 * for the same filter, at the same coordinates, with the same dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/export-${random.uuid}")
class ExportGdalTest {

	private static final String FILTER = "from=2024-12-03&to=2024-12-05&bbox=35.5,32.3,42.4,37.4";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@BeforeEach
	void gdal() {
		Gdal.require();
	}

	@ParameterizedTest(name = "events.{0}")
	@ValueSource(strings = { "geojson", "gpkg", "kml", "csv" })
	void gdalReadsTheSameEventsAsTheApiReturns(String format) throws Exception {
		Map<String, JsonNode> expected = byId(HttpJson.get(url("/api/events?" + FILTER)).body(), "id");
		assertThat(expected).hasSizeGreaterThan(3);
		Path file = download("/api/export/events." + format + "?" + FILTER, "export." + format);

		JsonNode read = format.equals("csv")
				? Gdal.toGeoJson(file.toString(), "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude")
				: Gdal.toGeoJson(file.toString());
		String idField = switch (format) {
			case "csv" -> "event_id_cnty";
			case "geojson" -> "id";
			default -> "event_id";
		};
		Map<String, JsonNode> actual = byId(read, idField);

		assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
		for (var entry : expected.entrySet()) {
			JsonNode want = entry.getValue();
			JsonNode got = actual.get(entry.getKey());
			JsonNode wantXY = want.get("geometry").get("coordinates");
			JsonNode gotXY = got.get("geometry").get("coordinates");
			assertThat(gotXY.get(0).asDouble()).as(format + " lon of " + entry.getKey()).isCloseTo(wantXY.get(0).asDouble(), within(1e-6));
			assertThat(gotXY.get(1).asDouble()).as(format + " lat of " + entry.getKey()).isCloseTo(wantXY.get(1).asDouble(), within(1e-6));
			String start = want.get("properties").get("date_start").asString();
			JsonNode p = got.get("properties");
			switch (format) {
				case "csv" -> assertThat(p.get("event_date").asString()).isEqualTo(start);
				case "kml" -> assertThat(p.get("begin").asString()).startsWith(start);
				default -> assertThat(p.get("date_start").asString()).startsWith(start);
			}
		}
	}

	@Test
	void csvUsesAcledColumnsInAcledOrderAndKeepsUnknownFatalitiesEmpty() throws Exception {
		Path file = download("/api/export/events.csv", "all.csv");
		List<String> lines = Files.readAllLines(file);

		assertThat(lines.get(0)).startsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
				+ "sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,interaction,civilian_targeting,iso,region,"
				+ "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
				+ "fatalities,tags,timestamp,");
		JsonNode rows = Gdal.toGeoJson(file.toString(), "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude");
		JsonNode hama = byId(rows, "event_id_cnty").get("2024-12-05-rebels-say-they-are-entering-hama").get("properties");
		assertThat(hama.get("country").asString()).isEqualTo("Syria");
		assertThat(hama.get("iso").asString()).isEqualTo("760");
		assertThat(hama.get("actor1").asString()).isEqualTo("Hayat Tahrir al-Sham (HTS)");
		assertThat(hama.get("disorder_type").asString()).isEqualTo("Political violence");
		assertThat(hama.get("fatalities").asString()).isEmpty();
		assertThat(hama.get("claim_status").asString()).isEqualTo("contested");
	}

	@Test
	void theTerritoryOfADayExportsAsGeoJsonAndAsAGeoPackageLayer() throws Exception {
		JsonNode api = HttpJson.get(url("/api/frontlines?date=2024-12-05")).body();
		Path geojson = download("/api/export/frontlines.geojson?date=2024-12-05", "frontlines.geojson");
		Path alone = download("/api/export/frontlines.gpkg?date=2024-12-05", "frontlines.gpkg");
		Path both = download("/api/export/events.gpkg?from=2024-12-01&frontlines=2024-12-05", "both.gpkg");

		assertThat(Gdal.toGeoJson(geojson.toString()).get("features")).hasSize(api.get("features").size());
		JsonNode layer = Gdal.toGeoJson(alone.toString(), "frontlines");
		assertThat(layer.get("features")).hasSize(api.get("features").size());
		var kinds = new java.util.ArrayList<String>();
		layer.get("features").forEach(f -> kinds.add(f.get("properties").get("kind").asString()));
		assertThat(kinds).containsExactly("control", "contested", "advance", "advance", "frontline");
		assertThat(layer.get("features").get(0).get("properties").get("area_km2").asDouble())
			.isEqualTo(api.get("area_km2").get("opposition").asDouble());
		String layers = Gdal.run(List.of("ogrinfo", "-ro", "-q", both.toString()));
		assertThat(layers).contains("events").contains("frontlines");
		assertThat(HttpJson.get(url("/api/export/frontlines.csv?date=2024-12-05")).status()).isEqualTo(404);
		assertThat(HttpJson.get(url("/api/export/frontlines.geojson")).status()).isEqualTo(400);
		assertThat(HttpJson.get(url("/api/export/events.csv?frontlines=2024-12-05")).status()).isEqualTo(400);
	}

	@Test
	void theMovementBetweenTwoDaysExportsAsGeoJsonAndAsAGeoPackageLayer() throws Exception {
		JsonNode api = HttpJson.get(url("/api/frontlines/changes?from=2024-11-26&to=2024-12-05")).body();
		Path geojson = download("/api/export/frontline-changes.geojson?from=2024-11-26&to=2024-12-05", "changes.geojson");
		Path gpkg = download("/api/export/frontline-changes.gpkg?from=2024-11-26&to=2024-12-05", "changes.gpkg");

		double gained = api.get("km2").get("opposition").get("gained").asDouble();
		assertThat(gained).as("the offensive took land").isGreaterThan(100);
		assertThat(Gdal.toGeoJson(geojson.toString()).get("features")).hasSize(api.get("features").size());
		JsonNode layer = Gdal.toGeoJson(gpkg.toString(), "frontline_changes");
		assertThat(layer.get("features")).hasSize(api.get("features").size());
		JsonNode first = layer.get("features").get(0).get("properties");
		assertThat(first.get("feature_id").asString()).isEqualTo("gained-opposition");
		assertThat(first.get("km2").asDouble()).isEqualTo(gained);
		assertThat(first.get("date_from").asString()).isEqualTo("2024-11-26");
		assertThat(first.get("date_to").asString()).isEqualTo("2024-12-05");
		assertThat(first.get("evidence").toString()).contains("aleppo");
		assertThat(HttpJson.get(url("/api/export/frontline-changes.csv?from=2024-11-26&to=2024-12-05")).status())
			.isEqualTo(404);
		assertThat(HttpJson.get(url("/api/export/frontline-changes.gpkg?from=2024-12-05&to=2024-11-26")).status())
			.as("from after to").isEqualTo(400);
	}

	@Test
	void theFileNameSaysTheFilterAndTheDayOfExport() throws Exception {
		HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url("/api/export/events.kml?from=2024-12-01&to=2024-12-05"))).build(),
				HttpResponse.BodyHandlers.discarding());

		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
			.matches("attachment; filename=\"conflict-map-events_2024-12-01_to_2024-12-05_exported-\\d{4}-\\d\\d-\\d\\d\\.kml\"");
	}

	@Test
	void exportsRefuseTheSameBadParametersAsTheApi() {
		var r = HttpJson.get(url("/api/export/events.csv?bbox=1,2,3"));

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("parameter").asString()).isEqualTo("bbox");
		assertThat(HttpJson.get(url("/api/export/events.shp")).status()).isEqualTo(404);
	}

	private Path download(String path, String name) throws IOException, InterruptedException {
		Path file = dir.resolve(name);
		HttpResponse<Path> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofFile(file));
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return file;
	}

	private static Map<String, JsonNode> byId(JsonNode collection, String idField) {
		var map = new HashMap<String, JsonNode>();
		for (JsonNode f : collection.get("features")) {
			String id = idField.equals("id") && f.has("id") && !f.get("id").isNumber() ? f.get("id").asString()
					: f.get("properties").get(idField).asString();
			map.put(id, f);
		}
		return map;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
