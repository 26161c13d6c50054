package org.conflictmap.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/geocode} as a client sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/geocode-api-${random.uuid}",
				"conflictmap.import-seeds-on-start=false" })
class GeocodeApiTest {

	@LocalServerPort
	int port;

	@Test
	void aRelativePhraseResolvesToItsAnchorWithNearPrecision() {
		Response r = geocode("q=" + encode("a strategic hill north of Hama") + "&country=SY");

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("query").asString()).isEqualTo("a strategic hill north of Hama");
		JsonNode result = r.body().get("result");
		assertThat(result.get("id").asString()).isEqualTo("gn:170017");
		assertThat(result.get("name").asString()).isEqualTo("Ḩamāh");
		assertThat(result.get("lat").asDouble()).isEqualTo(35.13179);
		assertThat(result.get("lon").asDouble()).isEqualTo(36.75783);
		assertThat(result.get("country").asString()).isEqualTo("SY");
		assertThat(result.get("feature_code").asString()).isEqualTo("PPLA");
		assertThat(result.get("geo_precision").asInt()).isEqualTo(2);
		assertThat(result.get("method").asString()).isEqualTo("relative-direction");
		assertThat(result.get("score").asDouble()).isBetween(0.0, 1.0);
		assertThat(r.body().get("explanation").asString()).contains("north of");
	}

	@Test
	void aNameWithRunnersUpListsThemAsAlternatives() {
		Response r = geocode("q=Daraa");

		assertThat(r.body().get("result").get("id").asString()).isEqualTo("gn:170905");
		assertThat(r.body().get("alternatives")).isNotEmpty();
		for (JsonNode alternative : r.body().get("alternatives")) {
			assertThat(alternative.get("id").asString()).isNotEqualTo("gn:170905");
			assertThat(alternative.has("rank_score")).isTrue();
		}
	}

	@Test
	void aDatelineHasNoResultAndSaysWhy() {
		Response r = geocode("q=" + encode("Amman:"));

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("result").isNull()).isTrue();
		assertThat(r.body().get("explanation").asString()).contains("dateline");
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			country=SY          | q
			q=                  | q
			q=Hama&country=SYR  | country
			q=Hama&lang=en      | lang
			q=Hama&q=Homs       | q
			""")
	void badParametersAreProblems(String query, String parameter) {
		Response r = geocode(query);

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body().get("parameter").asString()).isEqualTo(parameter);
	}

	@Test
	void anOverlongQueryIsRefused() {
		Response r = geocode("q=" + "a".repeat(301));

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("detail").asString()).contains("at most 300");
	}

	private Response geocode(String query) {
		return HttpJson.get("http://localhost:" + port + "/api/geocode?" + query);
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
