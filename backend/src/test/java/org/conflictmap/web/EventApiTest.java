package org.conflictmap.web;

import java.util.ArrayList;
import java.util.List;

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
 * The GeoJSON API as a client sees it, on the whole application over HTTP with the embedded store and
 * the repository's seeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/event-api-${random.uuid}")
class EventApiTest {

	@LocalServerPort
	int port;

	@Test
	void eventsAreAnRfc7946FeatureCollectionOfPoints() {
		Response r = get("/api/events");

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).startsWith("application/geo+json");
		assertThat(r.body().get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(r.body().has("crs")).isFalse();
		assertThat(r.body().get("features")).hasSizeGreaterThanOrEqualTo(10);
		assertThat(r.body().get("numberMatched").asInt()).isEqualTo(r.body().get("features").size());
		for (JsonNode f : r.body().get("features")) {
			assertThat(f.get("type").asString()).isEqualTo("Feature");
			assertThat(f.get("id").asString()).isNotBlank();
			assertThat(f.get("geometry").get("type").asString()).isEqualTo("Point");
			double lon = f.get("geometry").get("coordinates").get(0).asDouble();
			double lat = f.get("geometry").get("coordinates").get(1).asDouble();
			assertThat(lon).as("longitude first: Syria lies east of 35°E").isBetween(35.0, 42.5);
			assertThat(lat).as("latitude second").isBetween(32.0, 37.5);
		}
	}

	@Test
	void clustersCountWhatTheListMatchesWithTheSameFilters() {
		String filters = "from=2024-11-27&to=2024-12-08&bbox=35.5,32.3,42.4,37.4&type=Battles";
		Response list = get("/api/events?" + filters);
		Response country = get("/api/events/clusters?zoom=4&" + filters);
		Response city = get("/api/events/clusters?zoom=14&" + filters);

		assertThat(country.status()).isEqualTo(200);
		assertThat(country.contentType()).startsWith("application/geo+json");
		long matched = list.body().get("numberMatched").asLong();
		assertThat(matched).isPositive();
		for (Response clusters : List.of(country, city)) {
			assertThat(clusters.body().get("numberMatched").asLong()).isEqualTo(matched);
			long sum = 0;
			for (JsonNode f : clusters.body().get("features")) {
				long count = f.get("properties").get("count").asLong();
				sum += count;
				assertThat(f.get("properties").get("by_type").get("Battles").asLong()).as("only the type asked for")
					.isEqualTo(count);
				JsonNode bbox = f.get("properties").get("bbox");
				double lon = f.get("geometry").get("coordinates").get(0).asDouble();
				assertThat(lon).as("the cluster's point lies among its events")
					.isBetween(bbox.get(0).asDouble(), bbox.get(2).asDouble());
			}
			assertThat(sum).isEqualTo(matched);
		}
		assertThat(city.body().get("features").size()).as("more, smaller cells closer in")
			.isGreaterThan(country.body().get("features").size());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "zoom=23|zoom is the map's zoom level, a whole number from 0 to 22, not '23'",
			"zoom=-1|zoom is the map's zoom level, a whole number from 0 to 22, not '-1'",
			"''|zoom is the map's zoom level, a whole number from 0 to 22; it is required",
			"zoom=4&limit=5|unknown parameter 'limit'; this endpoint takes actor, bbox, claim_status, from, q, to, type" })
	void clustersRefuseAZoomOutsideTheTileLevelsAndPagingParameters(String query, String detail) {
		Response r = get("/api/events/clusters?" + query);

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("detail").asString()).isEqualTo(detail);
	}

	@Test
	void oneEventCarriesTheWholeModelInSnakeCase() {
		Response r = get("/api/events/2024-12-05-rebels-say-they-are-entering-hama");

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).startsWith("application/geo+json");
		JsonNode p = r.body().get("properties");
		assertThat(r.body().get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(36.75783);
		assertThat(r.body().get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(35.13179);
		assertThat(p.get("event_type").asString()).isEqualTo("Battles");
		assertThat(p.get("sub_event_type").asString()).isEqualTo("Armed clash");
		assertThat(p.get("date_start").asString()).isEqualTo("2024-12-05");
		assertThat(p.get("date_end").asString()).isEqualTo("2024-12-05");
		assertThat(p.get("time_precision").asInt()).isEqualTo(1);
		assertThat(p.get("place_text").asString()).isEqualTo("Hama");
		assertThat(p.get("place_id").asString()).isEqualTo("gn:170017");
		assertThat(p.get("geo_precision").asInt()).isEqualTo(1);
		assertThat(p.get("geocode_method").asString()).isEqualTo("exact-name");
		assertThat(p.get("country").asString()).isEqualTo("SY");
		assertThat(p.get("admin1").asString()).isEqualTo("Hama");
		assertThat(p.get("fatalities").isNull()).as("unknown fatalities are null, not 0").isTrue();
		assertThat(p.get("actors").get("side_a").get(0).asString()).isEqualTo("Hayat Tahrir al-Sham (HTS)");
		assertThat(p.get("claims")).hasSize(2);
		assertThat(p.get("claims").get(1).get("by").asString()).isEqualTo("Syrian state media");
		assertThat(p.get("claims").get(1).get("status").asString()).isEqualTo("contested");
		assertThat(p.get("sources").get(0).get("dateline").asString()).isEqualTo("Amman");
		assertThat(p.get("status").asString()).isEqualTo("published");
		assertThat(p.get("version").asInt()).isEqualTo(1);
		assertThat(p.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
	}

	@Test
	void dateFilterKeepsEventsWhoseRangeOverlapsIt() {
		List<String> early = ids(get("/api/events?from=2024-11-20&to=2024-11-30"));
		List<String> thursday = ids(get("/api/events?from=2024-12-05&to=2024-12-05"));

		assertThat(early).contains("2024-12-aleppo-captured-by-rebels")
			.doesNotContain("2024-12-05-rebels-say-they-are-entering-hama");
		assertThat(thursday).contains("2024-12-05-rebels-say-they-are-entering-hama",
				"2024-12-russian-airstrikes-intensify-northern-syria")
			.doesNotContain("2024-12-02-iraqi-militias-cross-into-syria");
	}

	@Test
	void bboxAndPagingNarrowTheCollection() {
		List<String> aroundHama = ids(get("/api/events?bbox=36.6,35.0,36.9,35.3"));
		Response page = get("/api/events?limit=2&offset=1");

		assertThat(aroundHama).isNotEmpty()
			.contains("2024-12-05-rebels-say-they-are-entering-hama")
			.doesNotContain("2024-12-aleppo-captured-by-rebels");
		assertThat(page.body().get("features")).hasSize(2);
		assertThat(page.body().get("numberReturned").asInt()).isEqualTo(2);
		assertThat(page.body().get("numberMatched").asInt()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void everyFilterCombinesWithEveryOther() {
		List<String> all = ids(get("/api/events?from=2024-12-04&to=2024-12-05&bbox=36.6,35.0,36.9,35.3&limit=50&offset=0"));

		assertThat(all).contains("2024-12-05-rebels-say-they-are-entering-hama")
			.doesNotContain("2024-12-04-golani-visits-aleppo-citadel", "2024-12-03-rebels-reach-hill-north-of-hama");
	}

	@Test
	void typeActorClaimStatusAndTextFiltersNarrowTheMap() {
		List<String> strikes = ids(get("/api/events?type=Explosions%2FRemote%20violence"));
		List<String> battlesOrStrikes = ids(get("/api/events?type=Battles&type=Explosions%2FRemote%20violence"));
		List<String> russian = ids(get("/api/events?actor=russian%20air%20force"));
		List<String> contested = ids(get("/api/events?claim_status=contested"));
		List<String> citadel = ids(get("/api/events?q=CITADEL"));

		assertThat(strikes).containsExactly("2024-12-russian-airstrikes-intensify-northern-syria");
		assertThat(battlesOrStrikes).contains("2024-12-russian-airstrikes-intensify-northern-syria",
				"2024-12-aleppo-captured-by-rebels").doesNotContain("2024-12-aleppo-shortages");
		assertThat(russian).as("as side A or associated, in any case")
			.contains("2024-12-russian-airstrikes-intensify-northern-syria", "2024-12-04-overnight-clashes-around-hama")
			.doesNotContain("2024-12-aleppo-captured-by-rebels");
		assertThat(contested).containsExactly("2024-12-05-rebels-say-they-are-entering-hama");
		assertThat(citadel).containsExactly("2024-12-04-golani-visits-aleppo-citadel");
		assertThat(get("/api/events/2024-12-05-rebels-say-they-are-entering-hama").body().get("properties")
			.get("claim_status").asString()).isEqualTo("contested");
	}

	@Test
	void statsCountTheSameEventsTheMapShows() {
		Response stats = get("/api/stats?from=2024-12-01&to=2024-12-05&claim_status=reported");
		Response events = get("/api/events?from=2024-12-01&to=2024-12-05&claim_status=reported");

		assertThat(stats.status()).isEqualTo(200);
		JsonNode body = stats.body();
		assertThat(body.get("total").asInt()).isEqualTo(events.body().get("numberMatched").asInt()).isPositive();
		long perDay = 0;
		for (JsonNode day : body.get("days")) {
			for (JsonNode n : day.get("counts")) {
				perDay += n.asLong();
			}
		}
		assertThat(perDay).isEqualTo(body.get("total").asLong());
		assertThat(body.get("by_type").get("Battles").asInt()).isPositive();
		assertThat(body.get("by_claim_status").get("contested").asInt()).isZero();
		assertThat(body.get("actors").get(0).get("name").asString()).isEqualTo("Hayat Tahrir al-Sham (HTS)");
		assertThat(get("/api/stats?limit=5").status()).as("stats take filters, not paging").isEqualTo(400);
	}

	@Test
	void sidesAndMapSettingsDescribeTheMap() {
		Response sides = get("/api/sides");
		Response settings = get("/api/map-settings");

		assertThat(sides.status()).isEqualTo(200);
		assertThat(sides.body().get(0).get("id").asString()).isEqualTo("opposition");
		assertThat(sides.body().get(0).get("colour").asString()).isEqualTo("#2e7d32");
		assertThat(settings.body().get("tiles").get("url").asString()).contains("{z}/{x}/{y}");
		assertThat(settings.body().get("tiles").get("attribution").asString()).contains("OpenStreetMap");
		assertThat(settings.body().get("region").get("name").asString()).isEqualTo("Syria");
		assertThat(settings.body().get("region").get("bbox").toString()).isEqualTo("[35.5,32.3,42.4,37.4]");
		assertThat(settings.body().get("max_page").asInt()).as("the page /api/events clamps its limit to")
			.isEqualTo(org.conflictmap.event.EventQuery.MAX_LIMIT);
		assertThat(settings.body().get("cluster_cell_pixels").asInt()).isEqualTo(
				get("/api/events/clusters?zoom=7").body().get("cell_pixels").asInt());
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			from=yesterday                  | from  | must be an ISO date
			to=2024-13-01                   | to    | must be an ISO date
			from=2024-12-05&to=2024-12-01   | from  | is after to
			bbox=1,2,3                      | bbox  | bbox needs 4 numbers
			bbox=a,b,c,d                    | bbox  | is not a number
			bbox=36,35,37,95                | bbox  | out of range
			limit=0                         | limit | at least 1
			limit=ten                       | limit | whole number
			offset=-1                       | offset| at least 0
			colour=red                      | colour| unknown parameter 'colour'
			from=2024-12-01&from=2024-12-02 | from  | given 2 times
			type=Skirmish                   | type  | not one of: Battles
			claim_status=maybe              | claim_status | not one of: reported
			status=contested                | status| status is now claim_status
			q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k%20l%20m | q | more than 12 words
			q=hama%00null                   | q     | control character U+0000
			actor=HTS%01                    | actor | control character U+0001
			""")
	void badParametersAreProblemsNamingTheParameter(String query, String parameter, String message) {
		Response r = get("/api/events?" + query);

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body().get("status").asInt()).isEqualTo(400);
		assertThat(r.body().get("parameter").asString()).isEqualTo(parameter);
		assertThat(r.body().get("detail").asString()).contains(message);
	}

	@Test
	void tooLargeALimitIsClampedToTheMaximum() {
		Response r = get("/api/events?limit=999999999");

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("numberReturned").asInt()).isEqualTo(r.body().get("numberMatched").asInt());
	}

	@Test
	void unknownEventIsA404Problem() {
		Response r = get("/api/events/no-such-event");

		assertThat(r.status()).isEqualTo(404);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body().get("detail").asString()).contains("no-such-event");
	}

	private Response get(String path) {
		return HttpJson.get("http://localhost:" + port + path);
	}

	private static List<String> ids(Response r) {
		assertThat(r.status()).isEqualTo(200);
		var ids = new ArrayList<String>();
		r.body().get("features").forEach(f -> ids.add(f.get("id").asString()));
		return ids;
	}

}
