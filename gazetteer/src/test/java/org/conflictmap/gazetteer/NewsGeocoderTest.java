package org.conflictmap.gazetteer;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NewsGeocoderTest {

	private static final Gazetteer SHIPPED = Gazetteer.loadDefault();

	private static final NewsGeocoder GEOCODER = new NewsGeocoder(SHIPPED);

	private static final GeocodeContext SYRIA = GeocodeContext.syria();

	private static final double HAMA_LON = 36.75783;

	private static final double HAMA_LAT = 35.13179;

	@ParameterizedTest(name = "\"{0}\" -> {1}, precision {2}, {3}")
	@CsvSource(delimiter = '|', textBlock = """
			Hama                                  | gn:170017            | 1 | exact-name
			حماة                                  | gn:170017            | 1 | exact-name
			Maarat al-Numan                       | gn:167611            | 1 | variant-name
			Muhrada                               | gn:166742            | 1 | variant-name
			Mhardeh                               | gn:166742            | 1 | fuzzy-name
			the town of Salamiyah                 | gn:164947            | 1 | exact-name
			Aleppo's historic citadel             | cm:aleppo-citadel    | 1 | exact-name
			a strategic hill north of Hama        | gn:170017            | 2 | relative-direction
			Hama's eastern and western edges      | gn:170017            | 2 | relative-edge
			outskirts of Aleppo                   | gn:170063            | 2 | relative-near
			12 km south-east of Hama              | gn:170017            | 2 | relative-offset
			northern Syria                        | cm:northern-syria    | 3 | exact-name
			northwest Syria                       | cm:northwest-syria   | 3 | exact-name
			the Iraqi border                      | cm:iraq-border-crossing | 3 | exact-name
			Idleb province                        | cm:sy-adm1-12        | 3 | exact-name
			the governorate of Hama               | cm:sy-adm1-10        | 3 | admin-area
			Saraqib governorate                   | cm:sy-adm1-12        | 3 | admin-area
			""")
	void resolvesNamesPhrasesAndRegionsAsReportsWriteThem(String query, String id, int precision, String method) {
		GeocodeResult r = GEOCODER.geocode(query, SYRIA);

		assertThat(r.isResolved()).as(r.explanation()).isTrue();
		assertThat(r.resolution().place().id()).isEqualTo(id);
		assertThat(r.resolution().geoPrecision()).isEqualTo(precision);
		assertThat(r.resolution().method()).isEqualTo(method);
	}

	@Test
	void anOffsetIsMeasuredFromTheAnchorAlongTheBearing() {
		GeocodeResult r = GEOCODER.geocode("12 km south-east of Hama", SYRIA);

		double lon = r.resolution().lon();
		double lat = r.resolution().lat();
		assertThat(GeoMath.km(lon, lat, HAMA_LON, HAMA_LAT)).isCloseTo(12, within(0.05));
		assertThat(lat).isLessThan(HAMA_LAT);
		assertThat(lon).isGreaterThan(HAMA_LON);
	}

	@Test
	void anEdgeLiesOnThatSideOfTheTownAtItsReach() {
		GeocodeResult east = GEOCODER.geocode("Hama's eastern edge", SYRIA);
		GeocodeResult both = GEOCODER.geocode("the eastern and western outskirts of Hama", SYRIA);

		assertThat(east.resolution().lon()).isGreaterThan(HAMA_LON);
		assertThat(east.resolution().lat()).isCloseTo(HAMA_LAT, within(0.01));
		assertThat(GeoMath.km(east.resolution().lon(), east.resolution().lat(), HAMA_LON, HAMA_LAT)).isBetween(2.0, 10.0);
		assertThat(GeoMath.km(both.resolution().lon(), both.resolution().lat(), HAMA_LON, HAMA_LAT)).isLessThan(0.1);
	}

	@Test
	void aDatelineIsNeverAPlace() {
		GeocodeResult r = GEOCODER.geocode("Amman:", SYRIA);
		GeocodeResult wire = GEOCODER.geocode("AMMAN (Reuters) -", SYRIA);

		assertThat(r.isResolved()).isFalse();
		assertThat(r.explanation()).contains("dateline");
		assertThat(wire.isResolved()).isFalse();
	}

	@Test
	void anUnknownNameIsUnresolvedWithAReason() {
		GeocodeResult r = GEOCODER.geocode("Xqzvbnmw", SYRIA);

		assertThat(r.isResolved()).isFalse();
		assertThat(r.explanation()).contains("no gazetteer record");
	}

	@Test
	void countryInFocusBeatsALargerPlaceOfTheSameNameAbroad() {
		var abroad = place("gn:1", "Al Mansurah", "EG", "PPLA", 621_953);
		var inSyria = place("gn:2", "Al Mansurah", "SY", "PPL", 0);

		GeocodeResult r = geocoder(abroad, inSyria).geocode("Mansurah", SYRIA);

		assertThat(r.resolution().place().id()).isEqualTo("gn:2");
		assertThat(r.candidates()).extracting(c -> c.place().id()).containsExactly("gn:2", "gn:1");
	}

	@Test
	void governorateSeatBeatsAVillageOfTheSameName() {
		var village = place("gn:1", "Idlib", "SY", "PPL", 900);
		var seat = place("gn:2", "Idlib", "SY", "PPLA", 100);

		assertThat(geocoder(village, seat).geocode("idlib", SYRIA).resolution().place().id()).isEqualTo("gn:2");
	}

	@Test
	void anExactNameBeatsAFuzzyOneAndFuzzyRunsOnlyWhenNothingElseMatches() {
		var exact = place("gn:1", "Tall Hamid", "SY", "PPL", 0);
		var close = place("gn:2", "Tall Hamia", "SY", "PPLA2", 50_000);

		GeocodeResult r = geocoder(exact, close).geocode("Tall Hamid", SYRIA);

		assertThat(r.resolution().place().id()).isEqualTo("gn:1");
		assertThat(r.candidates()).hasSize(1);
	}

	@Test
	void twoAlikeVillagesOfOneNameGiveNoAnswerButListBoth() {
		var one = place("gn:1", "Qabasin", "SY", "PPL", 0);
		var other = place("gn:2", "Qabasin", "SY", "PPL", 0);

		GeocodeResult r = geocoder(one, other).geocode("Qabasin", SYRIA);

		assertThat(r.isResolved()).isFalse();
		assertThat(r.candidates()).hasSize(2);
		assertThat(r.explanation()).contains("rank alike").contains("gn:1").contains("gn:2");
	}

	@Test
	void theEventsOtherPlacesBreakATieBetweenAlikeVillages() {
		var nearAleppo = new Place("gn:1", "Qabasin", "Qabasin", List.of(), 36.30, 37.20, "P", "PPL", "SY", "09", 0);
		var nearHasakah = new Place("gn:2", "Qabasin", "Qabasin", List.of(), 36.50, 40.70, "P", "PPL", "SY", "01", 0);
		var context = SYRIA.near(List.of(new double[] { 37.16117, 36.20124 }));

		GeocodeResult r = geocoder(nearAleppo, nearHasakah).geocode("Qabasin", context);

		assertThat(r.resolution().place().id()).isEqualTo("gn:1");
	}

	private static NewsGeocoder geocoder(Place... places) {
		return new NewsGeocoder(Gazetteer.of(List.of(places)));
	}

	private static Place place(String id, String name, String country, String code, long population) {
		return new Place(id, name, name, List.of(), 35, 36, "P", code, country, "01", population);
	}

}
