package org.conflictmap.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.conflictmap.bulk.SyntheticAcled;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/** {@code POST /api/imports}: a curator uploads an ACLED file; the map's API serves it at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/imports-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password", "conflictmap.import.upload-max-rows=1000" })
class ImportApiTest {

	private static final String ADMIN = basic("admin", "a-long-admin-password");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCuratorUploadsAnAcledFileOnceAndTheSecondUploadChangesNothing() {
		String file = synthetic(600);

		Exchange anonymous = upload("format=acled", file);
		Exchange first = upload("format=acled&name=syria-2024.csv", file, "Authorization", ADMIN);
		Exchange again = upload("format=acled&name=syria-2024.csv", file, "Authorization", ADMIN);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("rows").asLong()).isEqualTo(600);
		assertThat(first.json().get("inserted").asLong()).isEqualTo(600);
		assertThat(first.json().get("file").asString()).isEqualTo("syria-2024.csv");
		assertThat(again.json().get("unchanged").asLong()).isEqualTo(600);
		assertThat(again.json().get("inserted").asLong()).isZero();

		var events = HttpJson.get(url("/api/events?from=2024-01-01&to=2024-12-31&q=synthetic"));
		assertThat(events.body().get("features").size()).as("every 2024 row is on the map")
			.isEqualTo(file.lines().filter(l -> l.contains(",2024-")).count());
		assertThat(jdbc.sql("SELECT DISTINCT written_by FROM event_versions WHERE event_id LIKE 'acled-%'")
			.query(String.class)
			.list()).as("the history names the curator").containsExactly("admin");
	}

	@Test
	void aBadRowIsA400NamingItsLineAndColumnAndNothingIsStored() {
		String file = synthetic(300);
		String[] lines = file.split("\r\n");
		lines[250] = lines[250].replaceFirst("^SYR250,[0-9-]+,", "SYR250,yesterday,");
		long before = jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();

		Exchange refused = upload("format=acled", String.join("\r\n", lines), "Authorization", ADMIN);
		Exchange unknownFormat = upload("format=gdelt", file, "Authorization", ADMIN);
		Exchange unknownParameter = upload("format=acled&dry_run=1", file, "Authorization", ADMIN);
		Exchange tooLarge = upload("format=acled", synthetic(1001), "Authorization", ADMIN);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).isEqualTo("upload.acled.csv:251:2: column 'event_date':"
				+ " 'yesterday' is not a date; write it as 2024-11-27; nothing of the file was stored");
		assertThat(refused.json().get("line").asInt()).isEqualTo(251);
		assertThat(refused.json().get("column").asInt()).isEqualTo(2);
		assertThat(refused.json().get("field").asString()).isEqualTo("event_date");
		assertThat(jdbc.sql("SELECT count(*) FROM events").query(Long.class).single()).isEqualTo(before);
		assertThat(unknownFormat.status()).isEqualTo(400);
		assertThat(unknownFormat.json().get("detail").asString()).isEqualTo("format 'gdelt' is not one of [acled, ucdp]");
		assertThat(unknownParameter.status()).isEqualTo(400);
		assertThat(unknownParameter.json().get("parameter").asString()).isEqualTo("dry_run");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.json().get("detail").asString()).isEqualTo("upload.acled.csv:1002: the file has more than"
				+ " 1,000 rows, the most an upload takes; import it with the import command; nothing of the file was stored");
		assertThat(jdbc.sql("SELECT count(*) FROM events").query(Long.class).single()).isEqualTo(before);
	}

	private Exchange upload(String query, String csv, String... headers) {
		String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = "Content-Type";
		all[headers.length + 1] = "text/csv";
		return HttpJson.sendJson("POST", url("/api/imports?" + query), csv, all);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** {@code rows} synthetic ACLED rows over Syria, 2023-06 to 2024-06 (seed 3), as a CSV file's text. */
	static String synthetic(int rows) {
		var out = new ByteArrayOutputStream();
		new SyntheticAcled(Gazetteer.loadDefault(), LocalDate.of(2023, 6, 1), LocalDate.of(2024, 6, 30)).write(out, rows, 3);
		return out.toString(StandardCharsets.UTF_8);
	}

}
