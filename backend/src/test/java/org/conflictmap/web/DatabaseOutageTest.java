package org.conflictmap.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.support.HttpJson.Exchange;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.NetworkLink;
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
 * The service on the postgis profile loses its database and gets it back, without a restart. The
 * database is taken away by cutting a TCP link between the two ({@link NetworkLink}: open connections
 * dropped, new ones refused), so the PostgreSQL the other tests share keeps running; bench/faults.sh
 * stops PostgreSQL itself for 30 s under load, by hand.
 */
class DatabaseOutageTest {

	private static final String SCHEMA = "outage_test";

	private static final String ADMIN = basic("admin", "a-long-admin-password");

	/** How soon after the database is back the service must answer again (the README's promise). */
	private static final long RECOVERY_MS = 5_000;

	@Test
	void whileTheDatabaseIsAwayRequestsAre503AndAfterItIsBackNothingAcknowledgedIsLost() throws Exception {
		TestDatabases.requirePostgis();
		var admin = JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL, TestDatabases.PG_USER,
				TestDatabases.PG_PASSWORD));
		admin.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
		URI pg = URI.create(TestDatabases.PG_URL.substring("jdbc:".length()));
		try (var link = new NetworkLink(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort()); var app = start(link)) {
			List<String> acknowledged = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Exchange written = write(app, "Shelling of Kafr Nabl " + i);
				assertThat(written.status()).as(written.body()).isEqualTo(201);
				acknowledged.add(written.header("Location"));
			}
			int storedBefore = count(app);
			assertThat(HttpJson.send("GET", url(app, "/actuator/health/readiness")).status()).isEqualTo(200);

			link.cut();

			for (String path : List.of("/api/events?from=2024-11-27", "/api/events/clusters?zoom=6", "/api/stats",
					"/api/frontlines?date=2024-12-05", "/api/export/events.csv", "/ogcapi/collections/events/items")) {
				long asked = System.nanoTime();
				Exchange read = HttpJson.send("GET", url(app, path));
				System.out.printf("database outage: %s answered %d in %d ms%n", path, read.status(),
						(System.nanoTime() - asked) / 1_000_000);
				assertThat(read.status()).as(path + " while the database is away: " + read.body()).isEqualTo(503);
				assertThat(read.header("Retry-After")).as(path).isEqualTo("5");
				assertThat(read.header("Content-Type")).as(path).startsWith("application/problem+json");
				assertThat(read.json().get("detail").asString()).contains("cannot be reached");
			}
			Thread.sleep(2_000); // the service keeps asking the database meanwhile, and must not take it for back
			Exchange later = HttpJson.send("GET", url(app, "/api/events?from=2024-11-26"));
			assertThat(later.status()).as("still away 2 s later").isEqualTo(503);
			Exchange refusedWrite = write(app, "Written while the database is away");
			assertThat(refusedWrite.status()).as(refusedWrite.body()).isEqualTo(503);
			assertThat(refusedWrite.header("Retry-After")).isEqualTo("5");
			Exchange readiness = HttpJson.send("GET", url(app, "/actuator/health/readiness"));
			assertThat(readiness.status()).as("readiness follows the database").isEqualTo(503);
			assertThat(HttpJson.send("GET", url(app, "/actuator/health/liveness")).status())
				.as("the process itself is alive; no restart wanted").isEqualTo(200);

			link.restore();
			long back = System.nanoTime();
			int status;
			do {
				status = HttpJson.send("GET", url(app, "/api/events?from=2024-11-28")).status();
				if (status != 200) {
					Thread.sleep(100);
				}
			}
			while (status != 200 && System.nanoTime() - back < RECOVERY_MS * 1_000_000);
			long recoveredMs = (System.nanoTime() - back) / 1_000_000;
			System.out.println("database outage: service answered again " + recoveredMs + " ms after the database was back");

			assertThat(status).as("answering again within %d ms of the database's return", RECOVERY_MS).isEqualTo(200);
			assertThat(HttpJson.send("GET", url(app, "/actuator/health/readiness")).status()).isEqualTo(200);
			assertThat(count(app)).as("every acknowledged write kept; the refused one not stored").isEqualTo(storedBefore);
			for (String location : acknowledged) {
				assertThat(HttpJson.send("GET", url(app, location)).status()).as(location).isEqualTo(200);
			}
			assertThat(write(app, "Written after the database is back").status()).isEqualTo(201);
			assertThat(count(app)).isEqualTo(storedBefore + 1);
		}
	}

	@Test
	void aPoolWhoseConnectionsAreAllBusyIsOverloadAnswered503BusyNotAnOutage() throws Exception {
		TestDatabases.requirePostgis();
		try (var app = new SpringApplicationBuilder(ConflictMapApplication.class).run("--server.port=0",
				"--spring.profiles.active=postgis", "--spring.datasource.url=" + TestDatabases.schemaUrl("busy_pool_test"),
				"--spring.flyway.schemas=busy_pool_test", "--spring.datasource.hikari.maximum-pool-size=2",
				"--spring.datasource.hikari.connection-timeout=250", "--CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password")) {
			var pool = app.getBean(javax.sql.DataSource.class);
			Exchange busy;
			try (var a = pool.getConnection(); var b = pool.getConnection()) {
				// every connection taken, as by two long reads
				busy = HttpJson.send("GET", url(app, "/api/events?from=2024-11-27"));
			}
			Exchange after = HttpJson.send("GET", url(app, "/api/events?from=2024-11-27"));

			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.header("Retry-After")).isEqualTo("1");
			assertThat(busy.json().get("title").asString()).isEqualTo("Busy");
			assertThat(app.getBean(org.conflictmap.database.DatabaseOutage.class).isDown()).as("no outage mode").isFalse();
			assertThat(after.status()).as("served again at once").isEqualTo(200);
		}
	}

	@Test
	void aFailedRollbackAfterALostConnectionIsAnOutageAndAQueryFaultIsNot() {
		var lost = new org.springframework.dao.DataAccessResourceFailureException("terminating connection",
				new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"));
		var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
				new java.sql.SQLException("Connection is closed"));
		rollback.initApplicationException(lost);

		assertThat(org.conflictmap.database.DatabaseOutage.isOutage(new RuntimeException("Request processing failed", rollback)))
			.isTrue();
		assertThat(org.conflictmap.database.DatabaseOutage.isOutage(
				new org.springframework.jdbc.BadSqlGrammarException("stats", "SELECT", new java.sql.SQLException("syntax", "42601"))))
			.as("a fault in a query is a 500 to fix, not an outage").isFalse();
	}

	private static Exchange write(ConfigurableApplicationContext app, String title) {
		return HttpJson.sendJson("POST", url(app, "/api/events"), """
				{"title": "%s", "summary": "Artillery fire on the town was reported.",
				 "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
				 "actors": {"side_a": ["Military Forces of Syria"]},
				 "date_start": "2024-11-29", "date_end": "2024-11-29", "time_precision": 1, "place_text": "Kafr Nabl",
				 "sources": [{"publisher": "Test Wire", "published": "2024-11-30"}], "status": "published"}"""
			.formatted(title), "Authorization", ADMIN);
	}

	private static int count(ConfigurableApplicationContext app) {
		Exchange all = HttpJson.send("GET", url(app, "/api/events?limit=1"));
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		return all.json().get("numberMatched").asInt();
	}

	private static ConfigurableApplicationContext start(NetworkLink link) {
		String url = TestDatabases.schemaUrl(SCHEMA)
			.replaceFirst("//[^/]+/", "//127.0.0.1:" + link.port() + "/");
		return new SpringApplicationBuilder(ConflictMapApplication.class).run("--server.port=0",
				"--spring.profiles.active=postgis", "--spring.datasource.url=" + url, "--spring.flyway.schemas=" + SCHEMA,
				"--CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password");
	}

	private static String url(ConfigurableApplicationContext app, String path) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + path;
	}

}
