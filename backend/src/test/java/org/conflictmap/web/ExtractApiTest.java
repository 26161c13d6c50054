package org.conflictmap.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.conflictmap.gazetteer.GeoMath;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * {@code POST /api/curator/extract} as the editor calls it, on a store holding the seeds: the seed report (retold
 * in our own words, src/test/resources/extract/) gives drafts for the curated seed events, offsets point into
 * the text, bad requests are problems that name the field, and readers without a login get nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/extract-api-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class ExtractApiTest {

	private static final String ADMIN = basic("admin", "a-long-admin-password");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Path RETOLD = Path.of("backend/src/test/resources/extract/seed-report-retold.txt");

	@LocalServerPort
	int port;

	private Exchange extract(String body, String... headers) {
		return HttpJson.sendJson("POST", "http://localhost:" + port + "/api/curator/extract", body, headers);
	}

	private static String request(String text, String published) {
		var body = JSON.createObjectNode();
		body.put("text", text);
		body.put("published", published);
		body.put("publisher", "Wire report");
		return body.toString();
	}

	@Test
	void theSeedReportsDraftsMatchAtLeastEightOfItsTenCuratedEvents() throws IOException {
		String text = Files.readString(RETOLD);
		Exchange r = extract(request(text, "2024-12-05"), "Authorization", ADMIN);
		assertThat(r.status()).isEqualTo(200);
		JsonNode drafts = r.json().get("drafts");

		JsonNode seeds = HttpJson.get("http://localhost:" + port + "/api/events?to=2024-12-31").body().get("features");
		var events = new ArrayList<JsonNode>();
		seeds.forEach(f -> {
			if (f.get("properties").get("sources").get(0).get("dateline").asString("").equals("Amman")) {
				events.add(f);
			}
		});
		assertThat(events).as("the seed events of the Amman report").hasSize(10);
		boolean[][] fits = new boolean[events.size()][drafts.size()];
		for (int e = 0; e < events.size(); e++) {
			for (int d = 0; d < drafts.size(); d++) {
				fits[e][d] = fits(events.get(e), drafts.get(d));
			}
		}
		int[] match = matching(fits, drafts.size());
		var report = new StringBuilder();
		int matched = 0;
		for (int d = 0; d < drafts.size(); d++) {
			JsonNode draft = drafts.get(d);
			String event = match[d] < 0 ? "-" : events.get(match[d]).get("id").asString();
			matched += match[d] < 0 ? 0 : 1;
			report.append(String.format("%-48s %s %s..%s -> %s%n", draft.get("title").asString(), draft.get("cue").get("text").asString(),
					draft.get("date_start").asString(), draft.get("date_end").asString(), event));
		}
		System.out.println("Seed report drafts against the seed events (one draft per event):\n" + report + matched + " of 10 matched");
		assertThat(matched).as(report.toString()).isGreaterThanOrEqualTo(8);
		// nothing was saved: a proposal becomes an event only when a curator saves it
		assertThat(HttpJson.send("GET", "http://localhost:" + port + "/api/curator/events?limit=1", "Authorization", ADMIN)
			.json().get("numberMatched").asInt()).isEqualTo(seeds.size());
	}

	/** Place within 25 km, days overlapping. */
	private static boolean fits(JsonNode event, JsonNode draft) {
		JsonNode xy = event.get("geometry").get("coordinates");
		JsonNode place = draft.get("place");
		double km = GeoMath.km(xy.get(0).asDouble(), xy.get(1).asDouble(), place.get("lon").asDouble(), place.get("lat").asDouble());
		LocalDate eventFrom = LocalDate.parse(event.get("properties").get("date_start").asString());
		LocalDate eventTo = LocalDate.parse(event.get("properties").get("date_end").asString());
		LocalDate from = LocalDate.parse(draft.get("date_start").asString());
		LocalDate to = LocalDate.parse(draft.get("date_end").asString());
		return km <= 25 && !from.isAfter(eventTo) && !eventFrom.isAfter(to);
	}

	/** A largest one-to-one matching of events to drafts (augmenting paths); for each draft its event, or -1. */
	private static int[] matching(boolean[][] fits, int drafts) {
		int[] eventOf = new int[drafts];
		Arrays.fill(eventOf, -1);
		for (int e = 0; e < fits.length; e++) {
			augment(e, fits, eventOf, new boolean[drafts]);
		}
		return eventOf;
	}

	private static boolean augment(int e, boolean[][] fits, int[] eventOf, boolean[] seen) {
		for (int d = 0; d < eventOf.length; d++) {
			if (fits[e][d] && !seen[d]) {
				seen[d] = true;
				if (eventOf[d] < 0 || augment(eventOf[d], fits, eventOf, seen)) {
					eventOf[d] = e;
					return true;
				}
			}
		}
		return false;
	}

	@Test
	void everyMentionPointsIntoTheTextAndTheDatelineIsNoEventPlace() throws IOException {
		String text = Files.readString(RETOLD);
		JsonNode body = extract(request(text, "2024-12-05"), "Authorization", ADMIN).json();
		for (String kind : List.of("places", "dates", "actors")) {
			assertThat(body.get(kind)).as(kind).isNotEmpty();
			for (JsonNode m : body.get(kind)) {
				assertThat(text.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("text").asString());
			}
		}
		JsonNode amman = body.get("places").get(0);
		assertThat(amman.get("text").asString()).isEqualTo("Amman");
		assertThat(amman.get("role").asString()).isEqualTo("dateline");
		for (JsonNode draft : body.get("drafts")) {
			assertThat(draft.get("place").get("name").asString()).isNotEqualTo("Amman");
			assertThat(draft.get("source").get("dateline").asString()).isEqualTo("Amman");
			assertThat(draft.get("source").get("published").asString()).isEqualTo("2024-12-05");
			assertThat(text).contains(draft.get("claim").asString());
		}
		JsonNode tuesday = body.get("dates").get(1);
		assertThat(tuesday.get("text").asString()).isEqualTo("since Tuesday");
		assertThat(tuesday.get("date_start").asString()).isEqualTo("2024-12-03");
		assertThat(tuesday.get("date_end").asString()).isEqualTo("2024-12-05");
		List<String> actors = new ArrayList<>();
		body.get("actors").forEach(a -> actors.add(a.get("actor").asString()));
		assertThat(actors).contains("Hayat Tahrir al-Sham (HTS)", "Opposition forces (HTS-led offensive)");
	}

	@Test
	void onlyCuratorsMayAsk() {
		Exchange r = extract(request("Rebels entered Hama.", "2024-12-05"));
		assertThat(r.status()).isEqualTo(401);
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"published": "2024-12-05"}                            | text
			{"text": "   ", "published": "2024-12-05"}             | text
			{"text": "Rebels entered Hama."}                       | published
			{"text": "Rebels entered Hama.", "published": "5/12"}  | published
			{"text": "Rebels entered Hama.", "published": "0001-01-01"} | published
			{"text": 5, "published": "2024-12-05"}                 | text
			{"text": "x", "published": "2024-12-05", "lang": "en"} | lang
			{"text": "x", "published": "2024-12-05", "url": "javascript:alert(1)"} | url
			[1, 2]                                                 | body
			{"text": "x",                                          | body
			""")
	void badRequestsAreProblemsThatNameTheField(String body, String field) {
		Exchange r = extract(body, "Authorization", ADMIN);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.json().get("parameter").asString()).isEqualTo(field);
	}

	@Test
	void aTextLongerThanAnyReportIsRefused() {
		char[] words = new char[70_000];
		Arrays.fill(words, 'a');
		Exchange r = extract(request(new String(words), "2024-12-05"), "Authorization", ADMIN);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("detail").asString()).contains("at most 60000");
	}

}
