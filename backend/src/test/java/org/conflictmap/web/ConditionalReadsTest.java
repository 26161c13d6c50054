package org.conflictmap.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/** Conditional GETs, caching headers and gzip on the reads, as a browser, a CDN or a script meets them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/conditional-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class ConditionalReadsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnchangedAnswerIsA304AndAnyWriteChangesTheTag() {
		Exchange first = send("/api/events?from=2024-12-01");
		String etag = first.header("ETag");

		Exchange again = send("/api/events?from=2024-12-01", "If-None-Match", etag);
		Exchange otherQuery = send("/api/events?from=2024-12-02", "If-None-Match", etag);

		assertThat(first.status()).isEqualTo(200);
		assertThat(etag).startsWith("W/\"");
		assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=0, s-maxage=30, stale-while-revalidate=60");
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(otherQuery.status()).as("the tag belongs to one address").isEqualTo(200);

		Exchange written = HttpJson.sendJson("POST", url("/api/events"), """
				{"title": "Clash in Hama", "summary": "Fighting in the city.", "event_type": "Battles",
				 "sub_event_type": "Armed clash", "actors": {"side_a": ["Hayat Tahrir al-Sham"]},
				 "date_start": "2024-12-06", "date_end": "2024-12-06", "time_precision": 1, "place_text": "Hama",
				 "sources": [{"publisher": "Test Wire", "published": "2024-12-06"}], "status": "draft"}""",
				"Authorization", basic("admin", "a-long-admin-password"));
		Exchange afterWrite = send("/api/events?from=2024-12-01", "If-None-Match", etag);

		assertThat(written.status()).isEqualTo(201);
		assertThat(afterWrite.status()).as("a write, even a draft's, moves the data version").isEqualTo(200);
		assertThat(afterWrite.header("ETag")).isNotEqualTo(etag);
	}

	@Test
	void aRepeatedAnonymousReadIsSentFromTheCacheUntilTheDataVersionMoves() {
		String path = "/api/events?from=2024-12-05&to=2024-12-05";
		String id = "2024-12-05-rebels-say-they-are-entering-hama";
		Exchange first = send(path);
		// behind the service's back, so the data version stays: only a kept answer still shows the old title
		jdbc.sql("UPDATE events SET title = 'Changed behind the service' WHERE id = :id").param("id", id).update();

		Exchange anonymous = send(path);
		Exchange curator = send(path, "Authorization", basic("admin", "a-long-admin-password"));

		assertThat(first.body()).contains(id).doesNotContain("Changed behind the service");
		assertThat(anonymous.body()).as("from the response cache").isEqualTo(first.body());
		assertThat(anonymous.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(anonymous.header("Content-Type")).isEqualTo(first.header("Content-Type"));
		assertThat(curator.body()).as("curators' answers are never kept").contains("Changed behind the service");

		jdbc.sql("UPDATE data_version SET version = version + 1").update();
		assertThat(send(path).body()).as("a write anywhere moves the version, and the kept answer is passed by")
			.contains("Changed behind the service");
	}

	@Test
	void statsExportsTheOgcApiAndTheFeedAreTaggedButErrorsAreNot() {
		for (String path : new String[] { "/api/stats", "/api/export/events.csv", "/ogcapi/collections/events/items?f=json",
				"/api/changes?since=2024-01-01T00:00:00Z" }) {
			Exchange r = send(path);
			assertThat(r.status()).as(path).isEqualTo(200);
			assertThat(r.header("ETag")).as(path).startsWith("W/\"");
			assertThat(send(path, "If-None-Match", r.header("ETag")).status()).as(path).isEqualTo(304);
		}
		Exchange bad = send("/api/events?bbox=1,2,3");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("ETag")).isNull();
	}

	@Test
	void clientsThatAskGetGzip() throws IOException, InterruptedException {
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/events"))).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());

		assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String json;
		try (var in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(json).startsWith("{\"type\":\"FeatureCollection\"").isEqualTo(send("/api/events").body());
		assertThat(r.body().length).as("GeoJSON compresses").isLessThan(json.length() / 3);
	}

	private Exchange send(String path, String... headers) {
		return HttpJson.send("GET", url(path), headers);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
