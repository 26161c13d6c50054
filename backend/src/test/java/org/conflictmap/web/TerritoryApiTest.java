package org.conflictmap.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/frontlines} as a client and a cache see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/frontline-api-${random.uuid}")
class TerritoryApiTest {

	@LocalServerPort
	int port;

	@Test
	void aDayIsAFeatureCollectionOfAreasAndTheFrontLine() {
		Response r = get("/api/frontlines?date=2024-12-05");

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).startsWith("application/geo+json");
		assertThat(r.body().get("area_km2").get("opposition").asDouble()).isPositive();
		var kinds = new java.util.ArrayList<String>();
		for (JsonNode f : r.body().get("features")) {
			JsonNode p = f.get("properties");
			kinds.add(p.get("kind").asString());
			if (!p.get("kind").asString().equals("frontline")) {
				assertThat(p.get("status").asString()).isIn("assessed", "derived");
				assertThat(p.get("evidence")).isNotEmpty();
				assertThat(p.get("valid_from").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
			}
		}
		assertThat(kinds).containsExactly("control", "contested", "advance", "advance", "frontline");
	}

	@Test
	void anUnchangedDayAnswers304ToItsETag() throws Exception {
		var client = HttpClient.newHttpClient();
		var first = client.send(HttpRequest.newBuilder(URI.create(url("/api/frontlines?date=2024-12-03"))).build(),
				HttpResponse.BodyHandlers.ofString());
		String etag = first.headers().firstValue("ETag").orElseThrow();

		var again = client.send(HttpRequest.newBuilder(URI.create(url("/api/frontlines?date=2024-12-03")))
			.header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void theDatesAreSortedAndStartWithTheBaseline() {
		JsonNode dates = get("/api/frontlines/dates").body().get("dates");

		assertThat(dates.get(0).asString()).isEqualTo("2024-11-26");
		for (int i = 1; i < dates.size(); i++) {
			assertThat(dates.get(i).asString()).isGreaterThan(dates.get(i - 1).asString());
		}
	}

	@ParameterizedTest(name = "{0} -> 400")
	@ValueSource(strings = { "/api/frontlines", "/api/frontlines?date=5-12-2024", "/api/frontlines?date=2024-12-05&side=x",
			"/api/frontlines/dates?date=2024-12-05", "/api/frontlines/changes?from=2024-12-05",
			"/api/frontlines/changes?from=2024-12-05&to=2024-12-01", "/api/frontlines/changes?from=2024-12-01&to=x" })
	void badParametersAreProblems(String path) {
		Response r = get(path);

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	private Response get(String path) {
		return HttpJson.get(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
