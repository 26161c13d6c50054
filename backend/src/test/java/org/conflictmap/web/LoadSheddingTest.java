package org.conflictmap.web;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * A service with no room for reads (both bounds at 0, as when every turn is taken) answers them 503
 * Busy with Retry-After at once, and keeps serving what needs no turn: pages, health, writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/shedding-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password", "conflictmap.load.max-reads=0",
				"conflictmap.load.queue-ms=50", "conflictmap.load.max-exports=0" })
class LoadSheddingTest {

	@LocalServerPort
	int port;

	@Test
	void readsBeyondTheBoundAre503WithRetryAfterAndTheRestIsServed() {
		Exchange read = send("GET", "/api/events");
		Exchange ogc = send("GET", "/ogcapi/collections/events/items");
		Exchange export = send("GET", "/api/export/events.gpkg");

		assertThat(read.status()).isEqualTo(503);
		assertThat(read.header("Content-Type")).startsWith("application/problem+json");
		assertThat(read.header("Retry-After")).isEqualTo("1");
		assertThat(read.json().get("title").asString()).isEqualTo("Busy");
		assertThat(read.json().get("detail").asString()).contains("nothing went wrong");
		assertThat(ogc.status()).isEqualTo(503);
		assertThat(export.status()).isEqualTo(503);
		assertThat(export.header("Retry-After")).isEqualTo("10");
		assertThat(export.json().get("detail").asString()).contains("exports");
		assertThat(send("GET", "/").status()).as("the page").isEqualTo(200);
		assertThat(send("GET", "/actuator/health/readiness").status()).as("not an outage").isEqualTo(200);
		assertThat(send("DELETE", "/api/events/2024-12-05-rebels-say-they-are-entering-hama", "Authorization",
				basic("admin", "a-long-admin-password"), "If-Match", "\"1\"").status()).as("a write is not shed").isEqualTo(200);
	}

	private Exchange send(String method, String path, String... headers) {
		return HttpJson.send(method, "http://localhost:" + port + path, headers);
	}

}
