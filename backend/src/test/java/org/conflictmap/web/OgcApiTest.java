package org.conflictmap.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.conflictmap.support.Gdal;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API - Features as its clients meet it: the documents the specification requires, the same
 * events as {@code /api/events}, and GDAL's OAPIF driver reading the layer by URL, page by page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/ogcapi-${random.uuid}")
class OgcApiTest {

	private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	@LocalServerPort
	int port;

	@Test
	void theLandingPageLinksTheApiDefinitionConformanceAndData() {
		JsonNode landing = get("/ogcapi").body();

		Map<String, String> rels = new HashMap<>();
		landing.get("links").forEach(l -> rels.put(l.get("rel").asString(), l.get("href").asString()));
		assertThat(rels).containsKeys("self", "service-desc", "conformance", "data");
		assertThat(rels.get("data")).isEqualTo(url("/ogcapi/collections"));
		assertThat(get("/ogcapi/conformance").body().get("conformsTo").toString())
			.contains("ogcapi-features-1/1.0/conf/core", "conf/geojson", "conf/html", "conf/oas30");
	}

	@Test
	void theApiDefinitionIsSelfContainedAndAdvertisesLargePages() {
		Response api = get("/ogcapi/api");

		assertThat(api.contentType()).startsWith("application/vnd.oai.openapi+json");
		List<String> refs = new ArrayList<>();
		collectRefs(api.body(), refs);
		assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("#/"));
		JsonNode limit = api.body().get("components").get("parameters").get("limit").get("schema");
		assertThat(limit.get("maximum").asInt()).isGreaterThanOrEqualTo(10_000);
		assertThat(limit.get("default").asInt()).isEqualTo(100);
	}

	@Test
	void theCollectionHasSpatialAndTemporalExtents() {
		JsonNode events = get("/ogcapi/collections/events").body();

		JsonNode bbox = events.get("extent").get("spatial").get("bbox").get(0);
		assertThat(bbox.get(0).asDouble()).isBetween(35.0, 42.0);
		assertThat(bbox.get(3).asDouble()).isBetween(32.0, 37.5);
		assertThat(events.get("extent").get("temporal").get("interval").get(0).get(0).asString()).isEqualTo("2024-11-27T00:00:00Z");
		assertThat(events.get("extent").get("temporal").get("interval").get(0).get(1).asString()).isEqualTo("2024-12-05T23:59:59Z");
	}

	@ParameterizedTest(name = "datetime={0} is from={1}&to={2}")
	@CsvSource(delimiter = '|', textBlock = """
			2024-12-05                          | 2024-12-05 | 2024-12-05
			2024-12-05T10:30:00Z                | 2024-12-05 | 2024-12-05
			2024-12-01/2024-12-03               | 2024-12-01 | 2024-12-03
			../2024-11-30                       |            | 2024-11-30
			2024-12-04/..                       | 2024-12-04 |
			""")
	void datetimeSelectsTheSameEventsAsTheDateFilter(String datetime, String from, String to) {
		String api = "/api/events?" + (from == null ? "" : "from=" + from + "&") + (to == null ? "" : "to=" + to);

		List<String> ogc = ids(get("/ogcapi/collections/events/items?datetime=" + datetime).body());

		assertThat(ogc).isNotEmpty().containsExactlyElementsOf(ids(get(api).body()));
	}

	@Test
	void pagesCarryCountsAndANextLinkUntilTheLast() {
		JsonNode first = get("/ogcapi/collections/events/items?limit=4").body();
		int matched = first.get("numberMatched").asInt();

		assertThat(first.get("numberReturned").asInt()).isEqualTo(4);
		assertThat(first.get("timeStamp").asString()).endsWith("Z");
		String next = link(first, "next");
		assertThat(next).as("a client following next links reads the rest in pages of 1,000 (GDAL 3.6 asks 10)")
			.contains("offset=4").contains("limit=1000");
		JsonNode second = get(next.substring(url("").length())).body();
		assertThat(ids(second)).as("the rest, in order, none twice").containsExactlyElementsOf(
				ids(get("/api/events").body()).subList(4, matched));
		assertThat(link(second, "next")).isNull();
		JsonNode end = get("/ogcapi/collections/events/items?limit=4&offset=" + (matched - 1)).body();
		assertThat(end.get("numberReturned").asInt()).isEqualTo(1);
		assertThat(link(end, "next")).isNull();
		assertThat(link(end, "prev")).isNotNull();
	}

	@Test
	void oneFeatureHasItsIdGeometryAndLinks() {
		JsonNode f = get("/ogcapi/collections/events/items/2024-12-05-rebels-say-they-are-entering-hama").body();

		assertThat(f.get("id").asString()).isEqualTo("2024-12-05-rebels-say-they-are-entering-hama");
		assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(36.75783);
		assertThat(link(f, "collection")).isEqualTo(url("/ogcapi/collections/events"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/ogcapi/collections/events/items?colour=red            | 400
			/ogcapi/collections/events/items?datetime=yesterday    | 400
			/ogcapi/collections/events/items?datetime=../..        | 400
			/ogcapi/collections/events/items?bbox=1,2              | 400
			/ogcapi/collections/events/items?f=xml                 | 400
			/ogcapi/collections/events/items?limit=0               | 400
			/ogcapi/conformance?limit=5                            | 400
			/ogcapi/collections/borders                            | 404
			/ogcapi/collections/frontlines/items?datetime=2024-12-01/2024-12-05 | 400
			/ogcapi/collections/events/items/no-such-event         | 404
			""")
	void badRequestsAreProblems(String path, int status) {
		Response r = get(path);

		assertThat(r.status()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Test
	void htmlIsServedToBrowsersAndEscapesEventText() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/events/items"))).header("Accept",
					"text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.body()).contains("Hama&#39;s eastern and western edges").doesNotContain("Hama's eastern");
	}

	@Test
	void gdalReadsTheLayerByUrlWithEveryFeatureOnceWhateverThePageSize() {
		Gdal.require();
		List<String> api = ids(get("/api/events").body());

		JsonNode whole = Gdal.toGeoJson("OAPIF:" + url("/ogcapi"), "events");
		JsonNode paged = Gdal.toGeoJson("OAPIF:" + url("/ogcapi"), "events", "-oo", "PAGE_SIZE=3");

		assertThat(propertyIds(whole)).containsExactlyInAnyOrderElementsOf(api);
		assertThat(propertyIds(paged)).hasSize(api.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(api);
		String info = Gdal.run(List.of("ogrinfo", "-ro", "-so", "OAPIF:" + url("/ogcapi"), "events"));
		assertThat(info).contains("Feature Count: " + api.size()).contains("TEMPORAL_INTERVAL_MIN=2024-11-27");
	}

	@Test
	void theOpenApiDocumentDefinesBboxDatetimeAndLimitAsPartOneDoes() {
		JsonNode parameters = get("/ogcapi/api").body().get("components").get("parameters");

		for (String name : java.util.List.of("bbox", "datetime", "limit")) {
			assertThat(parameters.get(name).get("in").asString()).as(name).isEqualTo("query");
			assertThat(parameters.get(name).get("style").asString()).as(name + " style").isEqualTo("form");
			assertThat(parameters.get(name).get("explode").asBoolean(true)).as(name + " explode").isFalse();
		}
		JsonNode bbox = parameters.get("bbox").get("schema");
		assertThat(bbox.get("minItems").asInt()).isEqualTo(4);
		assertThat(bbox.get("maxItems").asInt()).as("4 numbers, or 6 with heights").isEqualTo(6);
		assertThat(parameters.get("limit").get("schema").get("type").asString()).isEqualTo("integer");
		assertThat(parameters.get("datetime").get("schema").get("type").asString()).isEqualTo("string");
	}

	@Test
	void aBoxOfSixNumbersIsItsFourHorizontalOnes() {
		JsonNode six = get("/ogcapi/collections/events/items?bbox=36,34,0,41,37,100").body();
		JsonNode four = get("/ogcapi/collections/events/items?bbox=36,34,41,37").body();

		assertThat(six.get("numberMatched").asInt()).isPositive().isEqualTo(four.get("numberMatched").asInt());
		assertThat(get("/ogcapi/collections/events/items?bbox=36,34,0,41,37").status()).as("5 numbers").isEqualTo(400);
	}

	@Test
	void aBoxAcrossTheAntimeridianIsAnsweredNotRefused() {
		JsonNode across = get("/ogcapi/collections/events/items?bbox=177,65,-177,70").body();

		assertThat(across.get("numberMatched").asInt()).as("nothing of Syria's lies there").isZero();
		assertThat(across.get("features")).isEmpty();
		assertThat(get("/ogcapi/collections/events/items?bbox=30,30,-170,40").body().get("numberMatched").asInt())
			.as("from 30 E eastwards across the antimeridian to 170 W: Syria included")
			.isEqualTo(get("/ogcapi/collections/events/items").body().get("numberMatched").asInt());
	}

	@Test
	void aFrontlinesFeatureLinksItselfAndItsHtml() {
		JsonNode feature = get("/ogcapi/collections/frontlines/items/frontline?datetime=2024-12-05").body();
		var rels = new java.util.HashMap<String, String>();
		feature.get("links").forEach(l -> rels.put(l.get("rel").asString(), l.get("href").asString()));

		assertThat(rels.get("self")).endsWith("/ogcapi/collections/frontlines/items/frontline?datetime=2024-12-05");
		assertThat(rels.get("alternate")).endsWith("?datetime=2024-12-05&f=html");
		assertThat(rels).containsKey("collection");
		var html = org.conflictmap.support.HttpJson.send("GET", url("/ogcapi/collections/frontlines/items/frontline"
				+ "?datetime=2024-12-05&f=html"));
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.header("Content-Type")).startsWith("text/html");
	}

	@Test
	void theFrontlinesCollectionServesOneDayAndGdalReadsIt() {
		JsonNode day = get("/ogcapi/collections/frontlines/items?datetime=2024-12-05").body();
		JsonNode latest = get("/ogcapi/collections/frontlines/items").body();

		assertThat(day.get("numberMatched").asInt()).as("control, contested, two advances, the front line").isEqualTo(5);
		assertThat(day.get("features").get(0).get("properties").get("kind").asString()).isEqualTo("control");
		assertThat(latest.get("date").asString()).isEqualTo(get("/api/frontlines/dates").body().get("dates")
			.get(get("/api/frontlines/dates").body().get("dates").size() - 1).asString());
		assertThat(get("/ogcapi/collections/frontlines/items/frontline?datetime=2024-12-05").body().get("geometry")
			.get("type").asString()).isEqualTo("MultiLineString");
		assertThat(get("/ogcapi/collections").body().get("collections").findValuesAsString("id"))
			.containsExactly("events", "frontlines", "frontline-changes");

		Gdal.require();
		JsonNode read = Gdal.toGeoJson("OAPIF:" + url("/ogcapi"), "frontlines");
		assertThat(read.get("features")).isNotEmpty();
	}

	@Test
	void theFrontlineChangesCollectionServesTheMovementBetweenTwoDaysAsTheApiDoes() {
		JsonNode api = get("/api/frontlines/changes?from=2024-11-26&to=2024-12-05").body();
		JsonNode window = get("/ogcapi/collections/frontline-changes/items?datetime=2024-11-26/2024-12-05").body();
		JsonNode oneDay = get("/ogcapi/collections/frontline-changes/items?datetime=2024-12-03").body();
		JsonNode all = get("/ogcapi/collections/frontline-changes/items").body();

		assertThat(window.get("km2")).isEqualTo(api.get("km2"));
		assertThat(window.get("features").findValuesAsString("id")).isEqualTo(api.get("features").findValuesAsString("id"))
			.contains("gained-opposition");
		assertThat(oneDay.get("from").asString() + "/" + oneDay.get("to").asString()).as("a single date: since the day before")
			.isEqualTo("2024-12-02/2024-12-03");
		assertThat(oneDay.get("km2").get("opposition").get("gained").asDouble()).as("Aleppo held from the 3rd").isPositive();
		List<String> dates = get("/api/frontlines/dates").body().get("dates").valueStream().map(JsonNode::asString).toList();
		assertThat(all.get("from").asString() + "/" + all.get("to").asString()).as("by default the whole record")
			.isEqualTo(dates.get(0) + "/" + dates.get(dates.size() - 1));
		JsonNode gained = get("/ogcapi/collections/frontline-changes/items/gained-opposition?datetime=2024-11-26/2024-12-05")
			.body();
		assertThat(gained.get("properties").get("km2").asDouble())
			.isEqualTo(api.get("km2").get("opposition").get("gained").asDouble());
		assertThat(gained.get("links").findValuesAsString("rel")).contains("self", "alternate", "collection");
		assertThat(get("/ogcapi/collections/frontline-changes/items?datetime=2024-12-05/2024-11-26").status()).isEqualTo(400);

		Gdal.require();
		JsonNode read = Gdal.toGeoJson("OAPIF:" + url("/ogcapi"), "frontline-changes");
		assertThat(read.get("features").size()).isEqualTo(all.get("numberMatched").asInt());
	}

	private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

	@Test
	void everyCollectionOffersFourCrsAndStoresInCrs84() {
		assertThat(get("/ogcapi/conformance").body().get("conformsTo").toString())
			.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
		for (JsonNode c : get("/ogcapi/collections").body().get("collections")) {
			assertThat(c.get("crs").valueStream().map(JsonNode::asString).toList()).as(c.get("id").asString())
				.containsExactly(CRS84, EPSG + "4326", EPSG + "3857", EPSG + "32637");
			assertThat(c.get("storageCrs").asString()).isEqualTo(CRS84);
		}
		JsonNode parameters = get("/ogcapi/api").body().get("components").get("parameters");
		assertThat(parameters.get("crs").get("schema").get("enum")).hasSize(4);
		assertThat(parameters.get("bbox-crs").get("in").asString()).isEqualTo("query");
	}

	@Test
	void anEventComesInTheCrsAskedForInThatCrsAxisOrderAndSaysWhichItIs() {
		String item = "/ogcapi/collections/events/items/2024-12-05-rebels-say-they-are-entering-hama";
		JsonNode lonLat = get(item).body().get("geometry").get("coordinates");
		double lon = lonLat.get(0).asDouble();
		double lat = lonLat.get(1).asDouble();

		var latLon = HttpJson.send("GET", url(item + "?crs=" + EPSG + "4326"));
		var mercator = HttpJson.send("GET", url(item + "?crs=" + EPSG + "3857"));
		var utm = HttpJson.send("GET", url(item + "?crs=" + EPSG + "32637"));

		assertThat(HttpJson.send("GET", url(item)).header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
		assertThat(latLon.header("Content-Crs")).isEqualTo("<" + EPSG + "4326>");
		assertThat(latLon.json().get("geometry").get("coordinates").get(0).asDouble()).as("latitude first").isEqualTo(lat);
		assertThat(latLon.json().get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(lon);
		// web Mercator on the sphere of 6,378,137 m: x = R lon, y = R ln(tan(45° + lat/2))
		double r = 6_378_137;
		JsonNode xy = mercator.json().get("geometry").get("coordinates");
		assertThat(xy.get(0).asDouble()).isCloseTo(r * Math.toRadians(lon), org.assertj.core.api.Assertions.within(0.01));
		assertThat(xy.get(1).asDouble()).isCloseTo(r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)),
				org.assertj.core.api.Assertions.within(0.01));
		assertThat(utm.header("Content-Crs")).isEqualTo("<" + EPSG + "32637>");
		assertThat(utm.json().get("geometry").get("coordinates").get(0).asDouble()).as("Hama lies west of 39°E, the zone's"
				+ " central meridian: easting under 500 km").isBetween(200_000.0, 500_000.0);
		assertThat(HttpJson.send("GET", url(item + "?crs=" + EPSG + "3857")).header("Content-Crs"))
			.as("an answer from the response cache keeps its header").isEqualTo("<" + EPSG + "3857>");
		assertThat(get("/ogcapi/collections/events/items?crs=EPSG:4326").status()).as("a URI, not a code").isEqualTo(400);
		assertThat(get("/ogcapi/collections/events/items?crs=" + EPSG + "2154").status()).isEqualTo(400);
	}

	@Test
	void aBoxInAnotherCrsSelectsTheSameEventsAsInCrs84() {
		// around Aleppo: lon 37.0-37.3, lat 36.0-36.4
		JsonNode crs84 = get("/ogcapi/collections/events/items?bbox=37.0,36.0,37.3,36.4").body();
		JsonNode latLon = get("/ogcapi/collections/events/items?bbox=36.0,37.0,36.4,37.3&bbox-crs=" + EPSG + "4326").body();
		JsonNode mercator = get("/ogcapi/collections/events/items?bbox=4118821,4300621,4152217,4355910&bbox-crs=" + EPSG
				+ "3857").body();

		assertThat(crs84.get("numberMatched").asInt()).isPositive();
		assertThat(ids(latLon)).isEqualTo(ids(crs84));
		assertThat(ids(mercator)).isEqualTo(ids(crs84));
		assertThat(get("/ogcapi/collections/events/items?bbox=37.0,36.0,37.3,36.4&bbox-crs=" + EPSG + "4326").body()
			.get("numberMatched").asInt()).as("the same numbers read latitude first: another place").isZero();
		assertThat(get("/ogcapi/collections/events/items?bbox=5,4,3,2&bbox-crs=" + EPSG + "3857").status()).isEqualTo(400);
		assertThat(get("/ogcapi/collections/events/items?bbox-crs=urn:x").status()).isEqualTo(400);
	}

	@Test
	void theTerritoryComesInTheCrsAskedForAndGdalFiltersInWebMercator() {
		JsonNode utm = get("/ogcapi/collections/frontlines/items?datetime=2024-12-05&crs=" + EPSG + "32637").body();
		JsonNode corner = utm.get("features").get(0).get("geometry").get("coordinates").get(0).get(0).get(0);
		assertThat(corner.get(0).asDouble()).as("metres east").isGreaterThan(1_000);
		assertThat(corner.get(1).asDouble()).as("metres north of the equator").isBetween(3_500_000.0, 4_200_000.0);

		Gdal.require();
		// -spat in web Mercator (GDAL 3.6 turns it into a CRS84 box; its CRS open option came in 3.7)
		JsonNode spat = Gdal.toGeoJson("OAPIF:" + url("/ogcapi"), "events", "-spat", "4118821", "4300621", "4152217",
				"4355910", "-spat_srs", "EPSG:3857");
		assertThat(propertyIds(spat)).containsExactlyInAnyOrderElementsOf(ids(get("/api/events?bbox=37.0,36.0,37.3,36.4")
			.body()));
	}

	@Test
	void aPageCanCarryOnlyThePropertiesAskedFor() {
		var whole = HttpJson.send("GET", url("/ogcapi/collections/events/items"));
		var light = HttpJson.send("GET", url("/ogcapi/collections/events/items?properties=title,date_start,event_type"));

		JsonNode first = light.json().get("features").get(0);
		assertThat(first.get("properties").propertyNames()).containsExactly("title", "event_type", "date_start");
		assertThat(first.get("geometry").get("type").asString()).isEqualTo("Point");
		assertThat(ids(light.json())).isEqualTo(ids(whole.json()));
		assertThat(light.body().length()).as("a third or less of the whole page").isLessThan(whole.body().length() / 3);
		var unknown = get("/ogcapi/collections/events/items?properties=title,password");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("detail").asString()).contains("'password' is not one of");
		assertThat(get("/ogcapi/collections/frontlines/items?properties=side").status()).isEqualTo(400);
	}

	@Test
	void aCql2FilterSelectsWhatTheSameFiltersOfTheMapSelect() {
		String items = "/ogcapi/collections/events/items?filter=";
		JsonNode text = get(items + enc("event_type = 'Battles' AND T_INTERSECTS(datetime, INTERVAL('2024-12-01', "
				+ "'2024-12-05')) AND S_INTERSECTS(geometry, BBOX(36.5, 35.0, 37.5, 36.5))")).body();
		JsonNode json = get(items + enc("""
				{"op": "and", "args": [{"op": "=", "args": [{"property": "event_type"}, "Battles"]},
				  {"op": "t_intersects", "args": [{"property": "datetime"}, {"interval": ["2024-12-01", "2024-12-05"]}]},
				  {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [36.5, 35.0, 37.5, 36.5]}]}]}""")
				+ "&filter-lang=cql2-json").body();
		JsonNode api = get("/api/events?type=Battles&from=2024-12-01&to=2024-12-05&bbox=36.5,35.0,37.5,36.5").body();

		assertThat(ids(text)).isNotEmpty().containsExactlyInAnyOrderElementsOf(ids(api));
		assertThat(ids(json)).containsExactlyInAnyOrderElementsOf(ids(api));
		assertThat(text.get("numberMatched").asInt()).isEqualTo(api.get("features").size());
		assertThat(get("/ogcapi/conformance").body().get("conformsTo").toString())
			.contains("ogcapi-features-3/1.0/conf/filter", "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json",
					"cql2/1.0/conf/advanced-comparison-operators", "cql2/1.0/conf/basic-spatial-functions",
					"cql2/1.0/conf/temporal-functions");

		var queryables = HttpJson.send("GET", url("/ogcapi/collections/events/queryables"));
		assertThat(queryables.header("Content-Type")).startsWith("application/schema+json");
		assertThat(queryables.json().get("properties").get("event_type").get("type").asString()).isEqualTo("string");
		assertThat(queryables.json().get("properties").has("geometry")).isTrue();
		assertThat(get("/ogcapi/collections/frontlines/queryables").status()).isEqualTo(404);
	}

	@Test
	void hostileFiltersAreRefusedWithA400AndNothingRuns() {
		String items = "/ogcapi/collections/events/items?filter=";
		assertThat(get(items + enc("title = 'x'' OR ''1''=''1'")).body().get("numberMatched").asInt())
			.as("SQL in a string is a string").isZero();
		var refused = new String[][] {
			{ "title = 'x'; DROP TABLE events", "';'" },
			{ "pg_sleep(10) = 1", "syntax error" },
			{ "summary = 'a' OR actors_json LIKE '%x%'", "'actors_json', which is not a queryable" },
			{ "\"1=1) OR (1\" = 'x'", "not a queryable" },
			{ "FOO(geometry, POINT(1 2))", "syntax error" },
			{ "(".repeat(40) + "TRUE" + ")".repeat(40), "nested more than 30" },
			{ "title = '" + "x".repeat(5_000) + "'", "at most 4000 are read" },
			{ "fatalities > 1e999", "too large" },
			{ "event_type = 3", "compares a string property with the number" },
			{ "date_start > '2024-12-01'", "write DATE('2024-12-01')" },
			{ "S_INTERSECTS(geometry, POINT(400 95))", "outside CRS84" },
			{ "T_BEFORE(title, DATE('2024-12-01'))", "not a date or the event's days" },
		};
		for (String[] r : refused) {
			Response answer = get(items + enc(r[0]));
			assertThat(answer.status()).as(r[0].length() > 80 ? r[0].substring(0, 80) : r[0]).isEqualTo(400);
			assertThat(answer.body().get("parameter").asString()).isEqualTo("filter");
			assertThat(answer.body().get("detail").asString()).contains(r[1]);
		}
		assertThat(get(items + enc("{\"op\": \"eval\", \"args\": []}") + "&filter-lang=cql2-json").status()).isEqualTo(400);
		assertThat(get(items + enc("TRUE") + "&filter-lang=sql").status()).isEqualTo(400);
		assertThat(get(items + enc("TRUE") + "&filter-crs=" + EPSG + "3857").status()).isEqualTo(400);
		assertThat(get("/ogcapi/collections/frontlines/items?filter=TRUE").status()).isEqualTo(400);
		assertThat(get("/api/events").body().get("features").size()).as("the events are all still there").isPositive();
	}

	@Test
	void gdalWhereGivesTheSameEventsAsTheFilter() {
		Gdal.require();
		JsonNode read = Gdal.toGeoJson("OAPIF:" + url("/ogcapi"), "events", "-where", "event_type = 'Battles'");
		assertThat(propertyIds(read)).containsExactlyInAnyOrderElementsOf(
				ids(get("/ogcapi/collections/events/items?filter=" + enc("event_type = 'Battles'")).body()));
	}

	@Test
	void theEventsComeAsVectorTilesThatGdalReadsWhereTheyAre() throws Exception {
		Gdal.require();
		JsonNode sets = get("/ogcapi/collections/events/tiles").body().get("tilesets");
		assertThat(sets.get(0).get("tileMatrixSetURI").asString())
			.isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
		JsonNode item = sets.get(0).get("links").valueStream().filter(l -> "item".equals(l.get("rel").asString()))
			.findFirst().orElseThrow();
		assertThat(item.get("href").asString()).endsWith("/ogcapi/collections/events/tiles/WebMercatorQuad/{tileMatrix}/"
				+ "{tileRow}/{tileCol}");
		assertThat(item.get("type").asString()).isEqualTo("application/vnd.mapbox-vector-tile");
		assertThat(get("/ogcapi/collections/events/tiles/WebMercatorQuad").body().get("layers").get(0).get("id").asString())
			.isEqualTo("events");
		assertThat(get("/ogcapi/conformance").body().get("conformsTo").toString()).contains("ogcapi-tiles-1/1.0/conf/mvt");

		// tile 8/100/154 holds Aleppo: lon 36.5625-37.96875, lat 35.46067-36.59789
		String tile = "/ogcapi/collections/events/tiles/WebMercatorQuad/8/100/154";
		JsonNode all = mvt(tile, 8, 100, 154);
		List<String> inTile = ids(get("/api/events?bbox=36.5625,35.46067,37.96875,36.59789").body());
		assertThat(propertyIds(all)).isNotEmpty().containsExactlyInAnyOrderElementsOf(inTile);
		JsonNode aleppo = all.get("features").valueStream()
			.filter(f -> "2024-12-aleppo-captured-by-rebels".equals(f.get("properties").get("id").asString())).findFirst()
			.orElseThrow();
		// GDAL gives the points in EPSG:3857: within a tile unit (156 km / 4096, about 38 m) of the event
		assertThat(aleppo.get("geometry").get("coordinates").get(0).asDouble()).isCloseTo(6_378_137 * Math.toRadians(37.16117),
				org.assertj.core.api.Assertions.within(40.0));
		JsonNode battles = mvt(tile + "?filter=" + enc("event_type = 'Battles'"), 8, 100, 154);
		assertThat(propertyIds(battles)).containsExactlyInAnyOrderElementsOf(ids(get("/api/events?type=Battles&bbox="
				+ "36.5625,35.46067,37.96875,36.59789").body()));
		JsonNode territory = mvt("/ogcapi/collections/frontlines/tiles/WebMercatorQuad/6/25/38?datetime=2024-12-05", 6, 25, 38);
		assertThat(territory.get("features").findValuesAsString("kind")).contains("control", "frontline");

		var first = HttpJson.send("GET", url(tile));
		assertThat(HttpJson.send("GET", url(tile), "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
		assertThat(get("/ogcapi/collections/events/tiles/WebMercatorQuad/8/256/154").status()).isEqualTo(404);
		assertThat(get("/ogcapi/collections/events/tiles/WebMercatorQuad/23/0/0").status()).isEqualTo(404);
		assertThat(get("/ogcapi/collections/events/tiles/WorldCRS84Quad/0/0/0").status()).isEqualTo(404);
		assertThat(get("/ogcapi/collections/events/tiles/WebMercatorQuad/8/x/154").status()).isEqualTo(400);
		assertThat(get(tile + "?limit=5").status()).isEqualTo(400);
	}

	/** A tile read by GDAL's MVT driver, placed by its matrix, row and column, as GeoJSON in EPSG:3857. */
	private JsonNode mvt(String path, int z, int row, int col) throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.mapbox-vector-tile");
		java.nio.file.Path file = java.nio.file.Files.createTempFile("tile", ".mvt");
		java.nio.file.Files.write(file, response.body());
		try {
			return Gdal.toGeoJson(file.toString(), "-oo", "X=" + col, "-oo", "Y=" + row, "-oo", "Z=" + z);
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static List<String> propertyIds(JsonNode collection) {
		var ids = new ArrayList<String>();
		collection.get("features").forEach(f -> ids.add(f.get("properties").get("id").asString()));
		return ids;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject()) {
			node.properties().forEach(e -> {
				if (e.getKey().equals("$ref")) {
					refs.add(e.getValue().asString());
				}
				collectRefs(e.getValue(), refs);
			});
		}
		else if (node.isArray()) {
			node.forEach(n -> collectRefs(n, refs));
		}
	}

	private static String link(JsonNode doc, String rel) {
		for (JsonNode l : doc.get("links")) {
			if (l.get("rel").asString().equals(rel)) {
				return l.get("href").asString();
			}
		}
		return null;
	}

	private static List<String> ids(JsonNode collection) {
		var ids = new ArrayList<String>();
		collection.get("features").forEach(f -> ids.add(f.get("id").asString()));
		return ids;
	}

	private Response get(String path) {
		return HttpJson.get(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
