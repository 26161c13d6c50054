package org.conflictmap.territory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.conflictmap.ingest.SeedFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.event.EventJson.MAPPER;

/**
 * The offensive as the repository's seeds tell it: the baseline, Aleppo from its capture, Hama contested
 * but never held, and nothing claimed that no event supports.
 */
class TerritorySeedsTest {

	private static final GeometryFactory WGS84 = new GeometryFactory();

	private static TerritoryService frontlines;

	@BeforeAll
	static void offensive() {
		var seeded = new SeedFixture().importAll(Path.of("seeds"));
		frontlines = new TerritoryService(seeded.repository, seeded.assessmentStore, SeedFixture.gazetteer());
	}

	@Test
	void beforeTheOffensiveIdlibIsHeldAndAleppoIsNot() {
		Geometry held = held("2024-11-26");

		assertThat(held.contains(pt(36.63393, 35.93062))).as("Idlib").isTrue();
		assertThat(held.contains(pt(36.86950, 36.51190))).as("Afrin").isTrue();
		assertThat(held.contains(pt(37.16117, 36.20124))).as("Aleppo").isFalse();
	}

	@Test
	void aleppoIsHeldFromItsCaptureOn() {
		assertThat(held("2024-12-02").contains(pt(37.16117, 36.20124))).as("before the capture's last possible day").isFalse();
		for (String day : List.of("2024-12-03", "2024-12-04", "2024-12-05", "2024-12-20")) {
			assertThat(held(day).contains(pt(37.16117, 36.20124))).as("Aleppo on " + day).isTrue();
		}
		assertThat(area("2024-12-03").get("properties").get("evidence").toString()).contains("2024-12-aleppo-captured-by-rebels");
	}

	@Test
	void aleppoIsContestedWhileItsCaptureIsReportedAndHeldFromItsLastDay() {
		// "Rebels take Aleppo": reported 27 Nov - 3 Dec
		for (String day : List.of("2024-11-27", "2024-12-01", "2024-12-02")) {
			JsonNode open = feature(day, "contested", "uncertain");
			assertThat(polygon(open).contains(pt(37.16117, 36.20124))).as("Aleppo contested on " + day).isTrue();
			assertThat(open.get("id").asString()).isEqualTo("uncertain-2024-12-aleppo-captured-by-rebels");
			assertThat(open.get("properties").get("valid_from").asString()).isEqualTo("2024-11-27");
			assertThat(open.get("properties").get("until").asString()).isEqualTo("2024-12-03");
			assertThat(held(day).contains(pt(37.16117, 36.20124))).as("nor held on " + day).isFalse();
		}
		assertThat(held("2024-12-03").contains(pt(37.16117, 36.20124))).isTrue();
		assertThat(body("2024-12-03").get("features").toString()).doesNotContain("uncertain-2024-12-aleppo");
		assertThat(frontlines.dates()).extracting(LocalDate::toString).as("the window's first day is a change")
			.contains("2024-11-27", "2024-12-03");
	}

	@Test
	void theMovementBetweenTwoDaysIsWhatWasGainedAndLostWithItsEvidence() {
		JsonNode movement = MAPPER.valueToTree(frontlines.movement(LocalDate.parse("2024-11-26"), LocalDate.parse("2024-12-05")).toGeoJson());

		double gained = movement.get("km2").get("opposition").get("gained").asDouble();
		double lost = movement.get("km2").get("opposition").get("lost").asDouble();
		assertThat(gained).isGreaterThan(500);
		assertThat(gained - lost).as("gains less losses are the change of the held area")
			.isCloseTo(areaKm2("2024-12-05") - areaKm2("2024-11-26"), org.assertj.core.api.Assertions.withinPercentage(2));
		JsonNode gain = movement.get("features").get(0);
		assertThat(gain.get("id").asString()).isEqualTo("gained-opposition");
		assertThat(polygon(gain).contains(pt(37.16117, 36.20124))).as("Aleppo was gained").isTrue();
		assertThat(polygon(gain).contains(pt(36.63393, 35.93062))).as("Idlib was held all along").isFalse();
		assertThat(gain.get("properties").get("evidence").toString()).contains("2024-12-aleppo-captured-by-rebels")
			.doesNotContain("baseline-2024-11-26");
		assertThat(MAPPER.valueToTree(frontlines.movement(LocalDate.parse("2024-12-05"), LocalDate.parse("2024-12-05")).toGeoJson())
			.get("features")).as("nothing moves within a day").isEmpty();
	}

	@Test
	void theAdvanceOnHamaIsALineNotAHeldStrip() {
		// on 5 December the seeds report places taken beyond the front: lines, not land (the deriver's tests
		// check that no derived land lies beyond its support)
		JsonNode day = body("2024-12-05");
		assertThat(day.get("features").findValuesAsString("kind")).contains("advance");
		for (JsonNode f : day.get("features")) {
			if ("advance".equals(f.get("properties").get("kind").asString())) {
				assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiLineString");
				assertThat(f.get("properties").get("evidence")).hasSize(1);
			}
		}
	}

	@Test
	void hamaIsContestedOnTheFifthAndNeverHeld() {
		Geometry contested = polygon(feature("2024-12-05", "contested"));

		assertThat(contested.contains(pt(36.75783, 35.13179))).isTrue();
		for (LocalDate day : frontlines.dates()) {
			assertThat(held(day.toString()).contains(pt(36.75783, 35.13179))).as("Hama on " + day).isFalse();
		}
	}

	@Test
	void damascusHomsAndTheCoastAreNeverHeldByTheOpposition() {
		for (LocalDate day : frontlines.dates()) {
			Geometry held = held(day.toString());
			assertThat(held.contains(pt(36.29128, 33.5102))).as("Damascus on " + day).isFalse();
			assertThat(held.contains(pt(36.72339, 34.72682))).as("Homs on " + day).isFalse();
			assertThat(held.contains(pt(35.79011, 35.53168))).as("Latakia on " + day).isFalse();
			assertThat(held.contains(pt(35.88659, 34.88902))).as("Tartus on " + day).isFalse();
			assertThat(held.getArea()).as("a small part of Syria, never the country").isLessThan(3.0);
		}
	}

	@Test
	void theHeldAreaGrowsAsTheEventsSayAndEveryPolygonIsValid() {
		double before = areaKm2("2024-11-26");
		double after = areaKm2("2024-12-05");

		assertThat(after).isGreaterThan(before + 500);
		double previous = 0;
		for (LocalDate day = LocalDate.of(2024, 11, 26); !day.isAfter(LocalDate.of(2024, 12, 5)); day = day.plusDays(1)) {
			double km2 = areaKm2(day.toString());
			assertThat(km2).as("area on " + day).isGreaterThanOrEqualTo(previous);
			previous = km2;
			for (JsonNode f : body(day.toString()).get("features")) {
				String kind = f.get("properties").get("kind").asString();
				if (!"frontline".equals(kind) && !"advance".equals(kind)) {
					assertThat(polygon(f).isValid()).as(day + " " + f.get("id")).isTrue();
				}
			}
		}
	}

	@Test
	void theFrontLineIsDrawnAndTheDatesListEveryChange() {
		assertThat(feature("2024-12-03", "frontline").get("geometry").get("type").asString()).isEqualTo("MultiLineString");
		assertThat(frontlines.dates()).extracting(LocalDate::toString)
			.containsSubsequence("2024-11-26", "2024-12-03", "2024-12-05");
	}

	private static Geometry held(String day) {
		return polygon(area(day));
	}

	private static JsonNode area(String day) {
		return feature(day, "control");
	}

	private static double areaKm2(String day) {
		return body(day).get("area_km2").get("opposition").asDouble();
	}

	private static JsonNode feature(String day, String kind) {
		for (JsonNode f : body(day).get("features")) {
			if (kind.equals(f.get("properties").get("kind").asString())) {
				return f;
			}
		}
		throw new AssertionError("no " + kind + " feature on " + day);
	}

	private static JsonNode feature(String day, String kind, String status) {
		for (JsonNode f : body(day).get("features")) {
			JsonNode p = f.get("properties");
			if (kind.equals(p.get("kind").asString()) && status.equals(p.get("status").asString())) {
				return f;
			}
		}
		throw new AssertionError("no " + status + " " + kind + " feature on " + day + ": " + body(day));
	}

	private static JsonNode body(String day) {
		return MAPPER.readTree(frontlines.on(LocalDate.parse(day)).body());
	}

	private static Geometry polygon(JsonNode feature) {
		return GeoJson.polygonal(feature.get("geometry"), "test");
	}

	private static org.locationtech.jts.geom.Point pt(double lon, double lat) {
		return WGS84.createPoint(new Coordinate(lon, lat));
	}

}
