package org.conflictmap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * The red-team's findings, each as the attacker or the unlucky user met it, over HTTP on the whole
 * application: no lockout of a curator from other addresses, no date that breaks the map, no draft
 * words in public history, no control characters stored, no editor behind a trailing slash, clusters
 * capped, and error texts that say what happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/hardening-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password", "conflictmap.load.max-clusters=3" })
class HardeningApiTest {

	private static final String PASSWORD = "a-long-admin-password";

	private static final String ADMIN = basic("admin", PASSWORD);

	private static final String EVENT = """
			{"title": "%s", "summary": "%s",
			 "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
			 "actors": {"side_a": ["Military Forces of Syria"]},
			 "date_start": "%s", "date_end": "%s", "time_precision": 1, "place_text": "Kafr Nabl",
			 "sources": [{"publisher": "Test Wire", "published": "2024-11-30"}], "status": "%s"}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void failedLoginsFromOtherAddressesDoNotLockTheCuratorOut() throws IOException {
		// five guesses for admin, each from an address of its own (127.0.0.0/8 is all loopback)
		for (int i = 0; i < 5; i++) {
			assertThat(statusFrom("127.0.0." + (10 + i), basic("admin", "guess-" + i))).isEqualTo(401);
		}

		int owner = statusFrom("127.0.0.20", ADMIN);
		int attackerAgain = statusFrom("127.0.0.10", basic("admin", "guess-5"));
		int attackerRight = statusFrom("127.0.0.11", ADMIN);

		assertThat(owner).as("the right password from a clean address passes").isEqualTo(200);
		assertThat(attackerAgain).as("an address that already failed on a name under attack waits").isEqualTo(429);
		assertThat(attackerRight).as("even with the right password: the address cannot tell").isEqualTo(429);
		assertThat(statusFrom("127.0.0.20", ADMIN)).as("the owner's address stays trusted").isEqualTo(200);
	}

	@Test
	void farDatesAreRefusedOnWritesAndQueriesAndTheMapKeepsWorking() {
		Exchange write = HttpJson.sendJson("POST", url("/api/events"),
				EVENT.formatted("Shelling", "Fire.", "2024-11-29", "+999999999-12-31", "published"), "Authorization", ADMIN);

		assertThat(write.status()).as(write.body()).isEqualTo(400);
		assertThat(write.body()).contains("date_end").contains("must lie between 1900-01-01 and");
		for (String path : List.of("/api/events?from=-999999999-01-01", "/api/stats?to=%2B999999999-12-31",
				"/api/events/clusters?zoom=6&from=1899-12-31", "/api/frontlines?date=3000-01-01",
				"/ogcapi/collections/events/items?datetime=0001-01-01/2024-12-01",
				"/api/export/events.kml?from=-999999999-01-01")) {
			Exchange read = HttpJson.send("GET", url(path));
			assertThat(read.status()).as(path + ": " + read.body()).isEqualTo(400);
			assertThat(read.header("Content-Type")).startsWith("application/problem+json");
			assertThat(read.json().get("detail").asString()).contains("must lie between 1900-01-01 and");
		}
		assertThat(HttpJson.send("GET", url("/api/frontlines/dates")).status()).isEqualTo(200);
	}

	@Test
	void anAcledUploadWithAFarDateOrAControlCharacterNamesItsLineAndStoresNothing() throws IOException {
		String file = ImportApiTest.synthetic(20);
		String farDate = withCell(file, 5, "event_date", "+999999999-12-31");
		String control = withCell(file, 7, "location", "Kafr\u0001Nabl");
		long before = jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();

		Exchange date = upload(farDate);
		Exchange text = upload(control);

		assertThat(date.status()).as(date.body()).isEqualTo(400);
		assertThat(date.json().get("detail").asString()).startsWith("upload.acled.csv:6:").contains("event_date")
			.contains("must lie between 1900-01-01");
		assertThat(text.status()).as(text.body()).isEqualTo(400);
		assertThat(text.json().get("detail").asString()).startsWith("upload.acled.csv:8:").contains("U+0001");
		assertThat(jdbc.sql("SELECT count(*) FROM events").query(Long.class).single()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\u0001", "\\u000b", "\\ufffe", "\\ud800" })
	void aControlCharacterOrLoneSurrogateInATextIsRefusedNamingTheField(String escape) {
		Exchange write = HttpJson.sendJson("POST", url("/api/events"),
				EVENT.formatted("Shelling" + escape + " of Kafr Nabl", "Fire.", "2024-11-29", "2024-11-29", "published"),
				"Authorization", ADMIN);

		assertThat(write.status()).as(write.body()).isEqualTo(400);
		assertThat(write.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
		assertThat(write.json().get("errors").get(0).get("detail").asString()).contains("U+").contains("remove it");
	}

	@Test
	void thePublicHistoryShowsPublishedVersionsOnlyAndTheIdNoDraftWords() {
		Exchange draft = HttpJson.sendJson("POST", url("/api/events"), EVENT.formatted("Informant Abu Karim says shelling",
				"Our informant Abu Karim saw it.", "2024-11-29", "2024-11-29", "draft"), "Authorization", ADMIN);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		String id = draft.json().get("id").asString();
		Exchange published = HttpJson.sendJson("PUT", url("/api/events/" + id), EVENT.formatted("Shelling of Kafr Nabl",
				"Artillery fire on the town was reported.", "2024-11-29", "2024-11-29", "published"), "Authorization",
				ADMIN, "If-Match", "\"1\"");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		Exchange edited = HttpJson.sendJson("PUT", url("/api/events/" + id), EVENT.formatted("Shelling of Kafr Nabl",
				"Artillery fire on the town was reported by two outlets.", "2024-11-29", "2024-11-29", "published"),
				"Authorization", ADMIN, "If-Match", "\"2\"");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);

		Exchange anonymous = HttpJson.send("GET", url("/api/events/" + id + "/history"));
		Exchange curator = HttpJson.send("GET", url("/api/events/" + id + "/history"), "Authorization", ADMIN);

		assertThat(id).as("a draft's id carries no words of its title").matches("2024-11-29-[0-9a-f]{8}");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body()).doesNotContain("Abu Karim").doesNotContain("nformant");
		assertThat(anonymous.json().get("versions")).extracting(v -> v.get("version").asInt()).containsExactly(3, 2);
		assertThat(anonymous.json().get("versions").get(1).get("changes")).as("nothing before the first published").isEmpty();
		assertThat(anonymous.json().get("versions").get(0).get("changes").get(0).get("field").asString()).isEqualTo("summary");
		assertThat(curator.json().get("versions")).hasSize(3);
		assertThat(curator.body()).contains("Abu Karim");
	}

	@Test
	void theEditorBehindATrailingSlashStillNeedsALogin() {
		for (String path : List.of("/editor/", "/editor.html/", "/editor.html/x")) {
			Exchange r = HttpJson.send("GET", url(path));
			assertThat(r.status()).as(path).isIn(302, 404);
			assertThat(r.body()).as(path).doesNotContain("<form");
		}
	}

	@Test
	void moreClustersThanTheCapIsA400ThatSaysWhatToDo() {
		Exchange country = HttpJson.send("GET", url("/api/events/clusters?zoom=3"));
		Exchange streets = HttpJson.send("GET", url("/api/events/clusters?zoom=18"));

		assertThat(country.status()).isEqualTo(200);
		assertThat(streets.status()).isEqualTo(400);
		assertThat(streets.json().get("parameter").asString()).isEqualTo("zoom");
		assertThat(streets.json().get("detail").asString()).contains("more than the 3 answered at once")
			.contains("smaller bbox or a lower zoom");
	}

	@Test
	void errorTextsSayWhatWasWrong() {
		Exchange slash = HttpJson.send("GET", url("/api/events/a%2Fb"));
		Exchange trace = HttpJson.send("TRACE", url("/api/events"));

		assertThat(slash.status()).isEqualTo(400);
		assertThat(slash.json().get("detail").asString()).contains("encoded '/'").doesNotContain("too long");
		assertThat(trace.status()).isEqualTo(405);
		assertThat(trace.json().get("detail").asString()).isEqualTo("this address does not take TRACE");
	}

	/** The status of {@code GET /api/curator/me} sent from the loopback address {@code local}. */
	private int statusFrom(String local, String authorization) throws IOException {
		try (var socket = new Socket()) {
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/curator/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			var statusLine = new ByteArrayOutputStream();
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				statusLine.write(b);
			}
			return Integer.parseInt(statusLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
		}
	}

	/** {@code csv} with one cell of its {@code row}th record (1-based, after the header) set to {@code value}. */
	private static String withCell(String csv, int row, String column, String value) throws IOException {
		var out = new StringBuilder();
		try (var records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv));
				var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(records.getHeaderNames().toArray(String[]::new)).get())) {
			int index = records.getHeaderNames().indexOf(column);
			for (CSVRecord record : records) {
				List<String> cells = new java.util.ArrayList<>(record.toList());
				if (record.getRecordNumber() == row) {
					cells.set(index, value);
				}
				printer.printRecord(cells);
			}
		}
		return out.toString();
	}

	private Exchange upload(String csv) {
		return HttpJson.sendJson("POST", url("/api/imports?format=acled"), csv, "Authorization", ADMIN, "Content-Type",
				"text/csv");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
