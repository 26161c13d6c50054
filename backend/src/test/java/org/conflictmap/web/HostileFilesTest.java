package org.conflictmap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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

/**
 * Files and bodies built to hurt: truncated, in the wrong encoding, with endless cells, nested without
 * end, or carrying spreadsheet formulas. Each is refused with a problem+json that says what is wrong and
 * where, the service's memory stays bounded (every reader has a limit before it holds the input), and
 * nothing of it is stored. A formula in a stored text comes out of the CSV export defused. (Hostile seed
 * YAML, billion laughs among it: SeedImportErrorsTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/hostile-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class HostileFilesTest {

	private static final String ADMIN = basic("admin", "a-long-admin-password");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void brokenCsvUploadsAreRefusedWithTheirLineAndNothingIsStored() {
		List<String> lines = List.of(synthetic(200).split("\r\n"));
		String whole = String.join("\r\n", lines) + "\r\n";
		long before = stored();

		// cut in the middle of a quoted cell of the last row, as an interrupted download leaves it
		int lastRow = whole.lastIndexOf("\r\n", whole.length() - 3) + 2;
		int quoted = whole.indexOf(",\"", lastRow);
		assertThat(quoted).as("the last row has a quoted cell").isPositive();
		String truncated = whole.substring(0, quoted + 5);
		// a quote opened on row 120 and never closed
		var unclosed = new ArrayList<>(lines);
		unclosed.set(120, "\"" + unclosed.get(120));
		// saved from a spreadsheet in Windows-1252 / Latin-1
		byte[] latin1 = whole.replaceFirst("Aleppo", "Alépo").getBytes(StandardCharsets.ISO_8859_1);
		// one cell of 3 MB
		var endless = new ArrayList<>(lines);
		endless.set(50, endless.get(50) + "x".repeat(3 * 1024 * 1024));

		Exchange cut = upload(truncated.getBytes(StandardCharsets.UTF_8));
		Exchange open = upload(String.join("\r\n", unclosed).getBytes(StandardCharsets.UTF_8));
		Exchange wrongEncoding = upload(latin1);
		Exchange huge = upload(String.join("\r\n", endless).getBytes(StandardCharsets.UTF_8));

		for (Exchange refused : List.of(cut, open, wrongEncoding, huge)) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asString()).startsWith("upload.acled.csv:")
				.endsWith("nothing of the file was stored");
		}
		assertThat(cut.json().get("detail").asString()).contains("EOF");
		assertThat(open.json().get("line").asInt()).as("where the quote opens").isEqualTo(121);
		assertThat(wrongEncoding.json().get("detail").asString()).contains("not UTF-8");
		assertThat(huge.json().get("line").asInt()).isEqualTo(51);
		assertThat(huge.json().get("detail").asString()).contains("longer than 1 MB");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void formulaCellsAreStoredAsTextAndDefusedInTheCsvExport() throws IOException {
		var formulas = List.of("=HYPERLINK(\"http://evil.example/\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
				"@SUM(A1:A9)");
		List<CSVRecord> rows;
		try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(synthetic(formulas.size())))) {
			rows = parser.getRecords();
		}
		var out = new StringWriter();
		List<String> header = rows.get(0).getParser().getHeaderNames();
		try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (int i = 0; i < rows.size(); i++) {
				Map<String, String> row = rows.get(i).toMap();
				row.put("notes", formulas.get(i));
				row.put("event_id_cnty", "FORMULA" + i);
				printer.printRecord(header.stream().map(row::get).toList());
			}
		}

		Exchange imported = upload(out.toString().getBytes(StandardCharsets.UTF_8));
		Exchange csv = HttpJson.send("GET", url("/api/export/events.csv"));
		Exchange json = HttpJson.send("GET", url("/api/events/acled-formula0"));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(json.json().get("properties").get("summary").asString()).as("stored as written")
			.isEqualTo(formulas.get(0));
		List<String> exported = new ArrayList<>();
		try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv.body()))) {
			for (CSVRecord r : parser) {
				if (r.get("event_id_cnty").startsWith("acled-formula")) {
					exported.add(r.get("notes"));
				}
			}
		}
		assertThat(exported).as("a spreadsheet opening the export runs none of them")
			.containsExactlyInAnyOrderElementsOf(formulas.stream().map(f -> "'" + f).toList());
	}

	@Test
	void hostileJsonBodiesAreRefusedAndNothingIsStored() {
		long before = stored();
		String event = """
				{"title": "%s", "summary": "A clash.", "event_type": "Battles", "sub_event_type": "Armed clash",
				 "actors": {"side_a": ["Hayat Tahrir al-Sham"]}, "date_start": "2024-12-05", "date_end": "2024-12-05",
				 "time_precision": 1, "place_text": "Hama", "sources": [{"publisher": "Wire", "published": "2024-12-05"}]}""";
		byte[] latin1 = event.formatted("Clash near Hamá").getBytes(StandardCharsets.ISO_8859_1);

		Map<String, Exchange> answers = new java.util.LinkedHashMap<>();
		answers.put("nested 100,000 deep", post(("{\"title\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
			.getBytes(StandardCharsets.UTF_8)));
		answers.put("a 300,000-character title", post(event.formatted("x".repeat(300_000)).getBytes(StandardCharsets.UTF_8)));
		answers.put("not UTF-8", post(latin1));
		answers.put("cut short", post(event.formatted("Clash").substring(0, 120).getBytes(StandardCharsets.UTF_8)));
		answers.put("2 MB", post(event.formatted("y".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)));

		answers.forEach((what, answer) -> {
			assertThat(answer.status()).as(what + ": " + answer.body()).isBetween(400, 413);
			assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
			assertThat(answer.json().get("detail").asString()).as(what).isNotBlank();
		});
		assertThat(answers.get("2 MB").status()).isEqualTo(413);
		assertThat(answers.get("not UTF-8").body()).contains("not valid UTF-8");
		assertThat(stored()).isEqualTo(before);
	}

	private long stored() {
		return jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();
	}

	private Exchange upload(byte[] csv) {
		return HttpJson.sendBytes("POST", url("/api/imports?format=acled"), csv, "Content-Type", "text/csv",
				"Authorization", ADMIN);
	}

	private Exchange post(byte[] json) {
		return HttpJson.sendBytes("POST", url("/api/events"), json, "Content-Type", "application/json", "Authorization",
				ADMIN);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String synthetic(int rows) {
		var out = new ByteArrayOutputStream();
		new SyntheticAcled(Gazetteer.loadDefault(), LocalDate.of(2023, 6, 1), LocalDate.of(2024, 6, 30)).write(out, rows, 5);
		return out.toString(StandardCharsets.UTF_8);
	}

}
