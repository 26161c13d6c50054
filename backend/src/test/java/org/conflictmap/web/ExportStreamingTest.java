package org.conflictmap.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.event.V2__EventFilters;
import org.conflictmap.event.V4__VersionLog;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports stream: with 200,000 events stored, the service in a JVM capped at 128 MB of heap exports
 * them all as GeoJSON, CSV and GeoPackage. A correctness test (it must not run out of memory), not a timing one.
 */
class ExportStreamingTest {

	private static final int EVENTS = 200_000;

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dir;

	@Test
	void twoHundredThousandEventsExportWithA128MbHeap() throws Exception {
		fill(dir.resolve("data"));
		int port = freePort();
		Path log = dir.resolve("service.log");
		Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				ConflictMapApplication.class.getName(), "--server.port=" + port,
				"--conflictmap.data-dir=" + dir.resolve("data"), "--conflictmap.import-seeds-on-start=false")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			waitUntilUp(port, service, log);

			Path csv = download(port, "/api/export/events.csv", dir.resolve("events.csv"));
			Path geojson = download(port, "/api/export/events.geojson", dir.resolve("events.geojson"));
			Path gpkg = download(port, "/api/export/events.gpkg", dir.resolve("events.gpkg"));

			try (var lines = Files.lines(csv)) {
				assertThat(lines.count()).isEqualTo(EVENTS + 1);
			}
			assertThat(countOccurrences(geojson, "\"type\":\"Feature\"")).isEqualTo(EVENTS);
			assertThat(Files.readString(geojson).endsWith("\"numberMatched\":200000,\"numberReturned\":200000}")).isTrue();
			try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
					var rs = c.createStatement().executeQuery("SELECT count(*) FROM events")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(EVENTS);
			}
			assertThat(service.isAlive()).as(Files.readString(log)).isTrue();
			assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
		}
		finally {
			service.destroy();
			service.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** The embedded store, migrated by the app's own scripts and filled in batches. */
	private static void fill(Path dataDir) throws SQLException, IOException {
		Files.createDirectories(dataDir);
		String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("conflictmap");
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/h2")
			.javaMigrations(new V2__EventFilters(), new V4__VersionLog())
			.load()
			.migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			c.setAutoCommit(false);
			try (PreparedStatement insert = c.prepareStatement("""
					INSERT INTO events (id, title, summary, event_type, sub_event_type, actors_json, date_start, date_end,
					  time_precision, place_text, place_id, geo_precision, geocode_method, geocode_score, geocode_json,
					  country, admin1, geom, fatalities, claims_json, sources_json, status, version, origin,
					  created_at, updated_at, claim_status)
					VALUES (?, ?, ?, 'Battles', 'Armed clash', '{"side_a":["A"],"side_b":["B"],"associated":[]}', ?, ?,
					  1, 'Hama', 'gn:170017', 1, 'exact-name', 1.0,
					  '{"place_id":"gn:170017","geo_precision":1,"method":"exact-name","score":1.0,"explanation":"x","alternatives":[]}',
					  'SY', 'Hama', ST_SetSRID(ST_MakePoint(?, ?), 4326), ?,
					  '[{"by":"A","statement":"It happened.","status":"reported"}]',
					  '[{"publisher":"Wire","published":"2024-12-05","dateline":"Amman","url":null}]',
					  'published', 1, 'test', ?, ?, 'reported')""");
					PreparedStatement actor = c.prepareStatement(
							"INSERT INTO event_actors (event_id, actor_key, actor) VALUES (?, 'a', 'A'), (?, 'b', 'B')")) {
				LocalDate day = LocalDate.of(2020, 1, 1);
				Timestamp now = Timestamp.from(Instant.now());
				for (int i = 0; i < EVENTS; i++) {
					insert.setString(1, "synthetic-" + i);
					insert.setString(2, "Synthetic clash number " + i);
					insert.setString(3, "A synthetic event for the streaming test, number " + i + ".");
					insert.setDate(4, Date.valueOf(day.plusDays(i % 1500)));
					insert.setDate(5, Date.valueOf(day.plusDays(i % 1500)));
					insert.setDouble(6, 36 + (i % 1000) / 1000.0);
					insert.setDouble(7, 35 + (i / 1000 % 200) / 200.0);
					insert.setInt(8, i % 7);
					insert.setTimestamp(9, now);
					insert.setTimestamp(10, now);
					insert.addBatch();
					actor.setString(1, "synthetic-" + i);
					actor.setString(2, "synthetic-" + i);
					actor.addBatch();
					if (i % 5_000 == 4_999) {
						insert.executeBatch();
						actor.executeBatch();
						c.commit();
					}
				}
			}
		}
	}

	private static void waitUntilUp(int port, Process service, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!service.isAlive()) {
				throw new AssertionError("the service stopped: " + Files.readString(log));
			}
			try {
				HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events?limit=1")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the service did not start in 120 s: " + Files.readString(log));
	}

	private static Path download(int port, String path, Path file) throws Exception {
		HttpResponse<Path> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(file));
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return file;
	}

	private static long countOccurrences(Path file, String needle) throws IOException {
		long n = 0;
		try (InputStream in = Files.newInputStream(file);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			char[] buf = new char[1 << 16];
			var carry = new StringBuilder();
			int read;
			while ((read = reader.read(buf)) > 0) {
				carry.append(buf, 0, read);
				int from = 0;
				int at;
				while ((at = carry.indexOf(needle, from)) >= 0) {
					n++;
					from = at + needle.length();
				}
				carry.delete(0, Math.max(from, carry.length() - needle.length()));
			}
		}
		return n;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
