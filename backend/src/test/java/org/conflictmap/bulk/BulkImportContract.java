package org.conflictmap.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import org.conflictmap.event.Event;
import org.conflictmap.event.EventBatchWriter;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.NewsGeocoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a bulk import promises, whichever database holds the events: ACLED and UCDP rows become events
 * with the file's coordinates, ids and precision; a file is stored whole or not at all; importing it
 * again changes nothing. Each subclass supplies one real database.
 */
abstract class BulkImportContract {

	private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

	/** Three batches and a part, so the all-or-nothing promise crosses batch boundaries. */
	private static final int ROWS = 3 * BulkImporter.BATCH + 250;

	private static byte[] synthetic;

	private JdbcClient jdbc;

	private EventRepository events;

	private BulkImporter importer;

	protected abstract DataSource dataSource();

	@BeforeAll
	static void generate() {
		var out = new ByteArrayOutputStream();
		new SyntheticAcled(GAZETTEER, LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)).write(out, ROWS, 7);
		synthetic = out.toByteArray();
	}

	@BeforeEach
	void emptyStore() {
		DataSource ds = dataSource();
		jdbc = JdbcClient.create(ds);
		jdbc.sql("DELETE FROM event_actors").update();
		jdbc.sql("DELETE FROM event_versions").update();
		jdbc.sql("DELETE FROM events").update();
		events = new EventRepository(jdbc);
		importer = new BulkImporter(events, new EventBatchWriter(new NamedParameterJdbcTemplate(ds)),
				new NewsGeocoder(GAZETTEER), new DataSourceTransactionManager(ds));
	}

	@Test
	void acledFileBecomesEventsAtItsOwnCoordinatesAndAReimportChangesNothing() {
		String versionBefore = events.dataVersion();

		var first = importAcled(synthetic, "acled.csv");

		assertThat(first.rows()).isEqualTo(ROWS);
		assertThat(first.inserted()).isEqualTo(ROWS);
		assertThat(events.count(EventQuery.all())).isEqualTo(ROWS);
		assertThat(events.dataVersion()).as("the import moved the data version").isNotEqualTo(versionBefore);
		List<Event> disagreeing = jdbc.sql("SELECT id FROM events WHERE geocode_json LIKE '%the gazetteer disagrees%'")
			.query(String.class)
			.list()
			.stream()
			.map(id -> events.findById(id).orElseThrow())
			.toList();
		assertThat(disagreeing).hasSize((int) first.gazetteerDisagrees());
		assertThat(first.gazetteerDisagrees()).as("the generator names the place it scatters around")
			.isLessThan(ROWS / 100);
		assertThat(disagreeing).as("only where the gazetteer's place lies beyond the precision's reach")
			.allSatisfy(e -> {
				var place = GAZETTEER.byId(e.geocode().alternatives().get(0)).orElseThrow();
				assertThat(org.conflictmap.gazetteer.GeoMath.km(e.geom().getX(), e.geom().getY(), place.lon(), place.lat()))
					.isGreaterThan(GazetteerOpinion.TOLERANCE_KM[e.geocode().geoPrecision()]);
				assertThat(e.geocode().placeId()).isNull();
			});

		String[] row = firstDataRow(synthetic);
		Event e = events.findById("acled-syr1").orElseThrow();
		assertThat(e.dateStart()).isEqualTo(LocalDate.parse(row[1]));
		assertThat(e.eventType()).isEqualTo(row[5]);
		assertThat(e.subEventType()).isEqualTo(row[6]);
		assertThat(e.actors().sideA()).containsExactly(row[7]);
		assertThat(e.placeText()).isEqualTo(row[19]);
		assertThat(e.geom().getY()).isEqualTo(Double.parseDouble(row[20]));
		assertThat(e.geom().getX()).isEqualTo(Double.parseDouble(row[21]));
		assertThat(e.geocode().geoPrecision()).isEqualTo(Integer.parseInt(row[22]));
		assertThat(e.geocode().method()).isEqualTo("file-coordinates");
		assertThat(e.geocode().placeId()).as("the gazetteer agreed, so its place is recorded").startsWith("gn:");
		assertThat(e.geocode().explanation()).startsWith("ACLED's coordinates (geo_precision").contains("agrees");
		assertThat(e.country()).isEqualTo("SY");
		assertThat(e.fatalities()).isEqualTo(Integer.parseInt(row[26]));
		assertThat(e.sources()).extracting(Event.Source::publisher).containsExactly(row[23].split("; "));
		assertThat(events.versions("acled-syr1")).hasSize(1);

		String versionAfterFirst = events.dataVersion();
		var again = importAcled(synthetic, "acled.csv");

		assertThat(again.unchanged()).isEqualTo(ROWS);
		assertThat(again.inserted() + again.updated()).isZero();
		assertThat(events.dataVersion()).as("nothing written, nothing moved").isEqualTo(versionAfterFirst);
		assertThat(events.versions("acled-syr1")).hasSize(1);
	}

	@Test
	void aBadRowLateInTheFileStopsTheImportWithItsLineAndColumnAndNothingIsStored() {
		// line 1 is the header, so data row n is on line n + 1; this row comes after three full batches
		int line = 3 * BulkImporter.BATCH + 101;
		byte[] broken = replaceField(synthetic, line, 20, "91.5");

		assertThatThrownBy(() -> importAcled(broken, "broken.csv")).isInstanceOf(RowProblem.class)
			.hasMessage("broken.csv:" + line + ":21: column 'latitude': '91.5' is outside -90.0..90.0")
			.satisfies(ex -> assertThat(((RowProblem) ex).line()).isEqualTo(line));

		assertThat(events.count(EventQuery.all())).as("nothing of the file is stored").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM event_versions").query(Long.class).single()).isZero();
	}

	@Test
	void aRowTheDatabaseRefusesStopsTheImportAndNothingIsStored() {
		// a rule the mapper does not know, so the refusal comes from the database, after earlier batches went in
		int row = BulkImporter.BATCH + 17;
		jdbc.sql("ALTER TABLE events ADD CONSTRAINT test_refuses_one CHECK (id <> 'acled-syr" + row + "')").update();
		try {
			assertThatThrownBy(() -> importAcled(synthetic, "refused.csv")).isInstanceOf(RowProblem.class)
				.hasMessageStartingWith("refused.csv:" + (BulkImporter.BATCH + 2) + ": the rows from here to line "
						+ (2 * BulkImporter.BATCH + 1) + " could not be stored: ")
				.satisfies(ex -> assertThat(ex.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("test_refuses_one")
					.doesNotContain("insert into").doesNotContain("\n"));
		}
		finally {
			jdbc.sql("ALTER TABLE events DROP CONSTRAINT test_refuses_one").update();
		}
		assertThat(events.count(EventQuery.all())).as("not even the batch before it").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM event_versions").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM event_actors").query(Long.class).single()).isZero();
	}

	@Test
	void aCorrectedRowBecomesANewVersionAndACuratorsEditIsKept() {
		importAcled(synthetic, "acled.csv");
		Event curated = events.findById("acled-syr2").orElseThrow();
		events.update(curated, "api", "curator-hash", "editor");

		byte[] corrected = replaceField(replaceField(synthetic, 2, 26, "41"), 3, 26, "42");
		var report = importAcled(corrected, "acled.csv");

		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.keptCuratorEdits()).isEqualTo(1);
		assertThat(report.unchanged()).isEqualTo(ROWS - 2);
		assertThat(events.findById("acled-syr1").orElseThrow().fatalities()).isEqualTo(41);
		assertThat(events.versions("acled-syr1")).hasSize(2);
		assertThat(events.findById("acled-syr2").orElseThrow().fatalities()).as("as the curator left it")
			.isEqualTo(curated.fatalities());
		// the actor rows are the application's to keep (no foreign key on PostGIS since its V10): every row
		// belongs to an event, and each event's rows are the actors it names
		assertThat(jdbc.sql("SELECT count(*) FROM event_actors a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id)")
			.query(Long.class)
			.single()).isZero();
		for (String id : List.of("acled-syr1", "acled-syr2", "acled-syr3")) {
			var named = org.conflictmap.event.EventFilters.actorRows(events.findById(id).orElseThrow().actors());
			assertThat(jdbc.sql("SELECT actor_key FROM event_actors WHERE event_id = :id").param("id", id)
				.query(String.class)
				.set()).as(id).isNotEmpty().isEqualTo(named.keySet());
		}
	}

	@Test
	void anImportedEventsFirstVersionStaysWhatTheFileSaidThroughItsLaterChanges() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		importAcled(synthetic, "acled.csv");
		Event imported = events.findById("acled-syr2").orElseThrow();
		assertThat(imported.createdAt()).isBetween(before, Instant.now()).isEqualTo(imported.updatedAt());
		assertThat(events.versions("acled-syr2")).singleElement()
			.satisfies(v -> assertThat(v.at()).isEqualTo(imported.createdAt()));
		assertThat(imported.dateEnd()).isEqualTo(imported.dateStart());
		String importedFeature = EventJson.featureString(imported);
		assertThat(events.atVersion("acled-syr2", 1)).contains(imported);
		assertThat(events.featureHistory("acled-syr2")).containsExactly(importedFeature);
		// what makes an import fast: the first version is not written out a second time
		assertThat(jdbc.sql("SELECT count(*) FROM event_versions WHERE feature_json IS NULL").query(Long.class).single())
			.isEqualTo(ROWS);

		Event drafted = events.update(imported.withStatus("draft"), "api", "curator-hash", "editor");
		byte[] corrected = replaceField(synthetic, 4, 26, "42");
		assertThat(importAcled(corrected, "acled.csv").updated()).isEqualTo(1);
		Event corrections = events.findById("acled-syr3").orElseThrow();

		assertThat(events.atVersion("acled-syr2", 1)).as("the version the curator changed").contains(imported);
		assertThat(events.atVersion("acled-syr2", 2)).contains(drafted);
		assertThat(events.featureHistory("acled-syr2")).containsExactly(importedFeature, EventJson.featureString(drafted));
		assertThat(events.atVersion("acled-syr3", 1).orElseThrow().fatalities()).as("as first imported")
			.isNotEqualTo(42);
		assertThat(events.atVersion("acled-syr3", 2)).contains(corrections);
		assertThat(corrections.fatalities()).isEqualTo(42);
		assertThat(jdbc.sql("SELECT count(*) FROM event_versions WHERE feature_json IS NULL").query(Long.class).single())
			.as("written out for the two events changed").isEqualTo(ROWS - 2);
	}

	@Test
	void aFirstImportFindsAnEventOfItsKindWrittenBeforeIt() {
		Event written = events.insert(org.conflictmap.support.TestEvents.event("acled-syr2", "2024-12-01", "2024-12-01",
				new double[] { 37.16, 36.20 }), "api", "curator-hash", "editor");

		var report = importAcled(synthetic, "acled.csv");

		assertThat(report.keptCuratorEdits()).isEqualTo(1);
		assertThat(report.inserted()).isEqualTo(ROWS - 1);
		assertThat(events.findById("acled-syr2")).contains(written);
	}

	@Test
	void textWithTabsBackslashesLineBreaksAndArabicReadsBackAsWritten() {
		String notes = "قصف مدفعي على تل\tحماة \\N \\ \"quoted\"\nsecond line; 🛰 done";
		importAcled(replaceField(synthetic, 5, 25, notes), "acled.csv");
		assertThat(events.findById("acled-syr4").orElseThrow().summary()).isEqualTo(notes);
	}

	@Test
	void wrongRowsAreRefusedWithWhatToChange() {
		String header = String.join(",", org.conflictmap.export.EventCsv.ACLED_COLUMNS) + "\n";
		String[] good = firstDataRow(synthetic);

		assertThatThrownBy(() -> importAcled(bytes("event_id_cnty,event_date\nSYR1,2024-01-01\n"), "short.csv"))
			.hasMessageStartingWith("short.csv:1: column 'event_type': is missing from the header");
		assertThatThrownBy(() -> importAcled(bytes(header + csv(good) + "\n" + csv(good) + "\n"), "twice.csv"))
			.hasMessage("twice.csv:3:1: column 'event_id_cnty': 'SYR1' appears more than once in the file; ids must be unique");
		String[] badType = good.clone();
		badType[5] = "Skirmish";
		assertThatThrownBy(() -> importAcled(bytes(header + csv(badType) + "\n"), "type.csv"))
			.hasMessageStartingWith("type.csv:2:6: column 'event_type': 'Skirmish' is not an ACLED event type");
		String[] badDate = good.clone();
		badDate[1] = "31/12/2024";
		assertThatThrownBy(() -> importAcled(bytes(header + csv(badDate) + "\n"), "date.csv"))
			.hasMessage("date.csv:2:2: column 'event_date': '31/12/2024' is not a date; write it as 2024-11-27");
		byte[] latin1 = (header + csv(good).replace("Syria", "S\u00fdria") + "\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> importAcled(latin1, "latin1.csv"))
			.hasMessageContaining("the file is not UTF-8 text (save it as UTF-8 and import again)");
		assertThatThrownBy(() -> importAcled(bytes(header + csv(good) + "\n\"unclosed,1\n"), "quote.csv"))
			.isInstanceOf(RowProblem.class)
			.hasMessageStartingWith("quote.csv:3");

		assertThat(events.count(EventQuery.all())).isZero();
	}

	@Test
	void ucdpRowsKeepTheirIdsPrecisionAndTheDeathEstimatesRange() {
		String csv = """
				id,relid,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_office,source_date,where_prec,where_coordinates,where_description,adm_1,latitude,longitude,country,date_prec,date_start,date_end,best,low,high
				554101,SYR-2024-1-1,2024,1,Syria: Government,Government of Syria - HTS,Government of Syria,HTS,Reuters;SOHR,2024-11-30 00:00:00.000,1,Aleppo town,Aleppo city,Aleppo governorate,36.2021,37.1343,Syria,1,2024-11-29 00:00:00.000,2024-11-30 00:00:00.000,12,10,31
				554102,SYR-2024-3-2,2024,3,Syria: Civilians,IS - Civilians,IS,Civilians,SOHR,2024-12-02,4,Hama town,Hama governorate,Hama governorate,35.95,38.99,Syria,3,2024-12-01,2024-12-07,3,3,5
				""";

		var report = importer.importCsv(new ByteArrayInputStream(bytes(csv)), -1, "ged.csv", BulkFormat.UCDP, "import",
				BulkImporter.Progress.NONE);

		assertThat(report.inserted()).isEqualTo(2);
		Event clash = events.findById("ucdp-554101").orElseThrow();
		assertThat(clash.eventType()).isEqualTo("Battles");
		assertThat(clash.actors().sideA()).containsExactly("Government of Syria");
		assertThat(clash.actors().sideB()).containsExactly("HTS");
		assertThat(clash.dateStart()).isEqualTo(LocalDate.of(2024, 11, 29));
		assertThat(clash.dateEnd()).isEqualTo(LocalDate.of(2024, 11, 30));
		assertThat(clash.fatalities()).as("UCDP's best estimate").isEqualTo(12);
		assertThat(clash.claims()).extracting(Event.Claim::by, Event.Claim::statement)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("UCDP GED",
					"12 deaths by the best estimate (low 10, high 31)"));
		assertThat(clash.sources()).extracting(Event.Source::publisher).containsExactly("Reuters", "SOHR");
		assertThat(clash.sources().get(0).published()).isEqualTo(LocalDate.of(2024, 11, 30));
		assertThat(clash.geocode().geoPrecision()).isEqualTo(1);
		assertThat(clash.geocode().placeId()).as("the gazetteer's Aleppo is near the file's point").isEqualTo("gn:170063");

		Event attack = events.findById("ucdp-554102").orElseThrow();
		assertThat(attack.eventType()).isEqualTo("Violence against civilians");
		assertThat(attack.timePrecision()).as("date_prec 3 is a week").isEqualTo(2);
		assertThat(attack.geocode().geoPrecision()).as("where_prec 4, the governorate").isEqualTo(3);
		assertThat(attack.geom().getX()).as("the file's point is kept").isEqualTo(38.99);
		assertThat(report.gazetteerDisagrees()).as("Hama is 200 km from that point").isEqualTo(1);
		assertThat(attack.geocode().alternatives()).containsExactly("gn:170017");
		assertThat(attack.geocode().explanation()).contains("the gazetteer disagrees: it places 'Hama' at \u1e28am\u0101h (gn:170017)");

		String lowAboveBest = csv.replace(",3,3,5\n", ",3,4,5\n");
		assertThatThrownBy(() -> importer.importCsv(new ByteArrayInputStream(bytes(lowAboveBest)), -1, "ged.csv",
				BulkFormat.UCDP, "import", BulkImporter.Progress.NONE))
			.hasMessage("ged.csv:3:21: column 'best': deaths must be low <= best <= high; this row has low 4, best 3,"
					+ " high 5");
	}

	private BulkImporter.Report importAcled(byte[] file, String name) {
		return importer.importCsv(new ByteArrayInputStream(file), file.length, name, BulkFormat.ACLED, "import",
				BulkImporter.Progress.NONE);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String[] firstDataRow(byte[] file) {
		return parse(lines(file).get(1));
	}

	/** The file with one field of one line (1-based, header is line 1) replaced. */
	private static byte[] replaceField(byte[] file, int line, int field, String value) {
		List<String> lines = new java.util.ArrayList<>(lines(file));
		String[] fields = parse(lines.get(line - 1));
		fields[field] = value;
		lines.set(line - 1, csv(fields));
		return bytes(String.join("\r\n", lines) + "\r\n");
	}

	private static List<String> lines(byte[] file) {
		// the generator writes no line breaks inside fields
		return List.of(new String(file, StandardCharsets.UTF_8).split("\r\n"));
	}

	private static String[] parse(String line) {
		try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(line))) {
			return parser.getRecords().get(0).values();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String csv(String[] fields) {
		var out = new StringBuilder();
		try (var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
			printer.printRecord((Object[]) fields);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toString().strip();
	}

}
