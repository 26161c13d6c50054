package org.conflictmap.web;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * Two instances behind one load balancer share one PostGIS: a write through one is what the other
 * serves at once, in the event list (its ETag moves) and in the derived frontline (its cache is keyed on
 * the database's data version, not on the instance's memory).
 */
class TwoInstancesTest {

	private static final String SCHEMA = "two_instances_test";

	@Test
	void aWriteThroughOneInstanceIsServedByTheOtherAtOnce() {
		TestDatabases.requirePostgis();
		var admin = JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL, TestDatabases.PG_USER,
				TestDatabases.PG_PASSWORD));
		admin.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
		try (var a = start(); var b = start()) {
			Exchange before = HttpJson.send("GET", url(b, "/api/events?from=2024-12-07"));
			Exchange frontBefore = HttpJson.send("GET", url(b, "/api/frontlines?date=2024-12-08"));
			double areaBefore = frontBefore.json().get("area_km2").get("opposition").asDouble();

			Exchange written = HttpJson.sendJson("POST", url(a, "/api/events"), """
					{"title": "Rebels take Homs", "summary": "Opposition fighters took control of the city.",
					 "event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory",
					 "actors": {"side_a": ["Hayat Tahrir al-Sham"], "side_b": ["Military Forces of Syria"]},
					 "date_start": "2024-12-07", "date_end": "2024-12-07", "time_precision": 1, "place_text": "Homs",
					 "sources": [{"publisher": "Test Wire", "published": "2024-12-08"}],
					 "control_change": {"side": "opposition", "change": "gained"}, "status": "published"}""",
					"Authorization", basic("admin", "a-long-admin-password"));
			Exchange after = HttpJson.send("GET", url(b, "/api/events?from=2024-12-07"), "If-None-Match",
					before.header("ETag"));
			Exchange frontAfter = HttpJson.send("GET", url(b, "/api/frontlines?date=2024-12-08"), "If-None-Match",
					frontBefore.header("ETag"));

			assertThat(written.status()).as(written.body()).isEqualTo(201);
			assertThat(after.status()).isEqualTo(200);
			assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
			assertThat(after.json().get("numberMatched").asInt())
				.isEqualTo(before.json().get("numberMatched").asInt() + 1);
			assertThat(frontAfter.status()).isEqualTo(200);
			assertThat(frontAfter.json().get("area_km2").get("opposition").asDouble()).as("Homs is now held")
				.isGreaterThan(areaBefore);
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ConflictMapApplication.class).run("--server.port=0",
				"--spring.profiles.active=postgis", "--spring.datasource.url=" + TestDatabases.schemaUrl(SCHEMA),
				"--spring.flyway.schemas=" + SCHEMA, "--CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password");
	}

	private static String url(ConfigurableApplicationContext app, String path) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path;
	}

}
