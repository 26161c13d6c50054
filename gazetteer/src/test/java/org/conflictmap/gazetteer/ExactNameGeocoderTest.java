package org.conflictmap.gazetteer;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExactNameGeocoderTest {

	private static final Gazetteer SHIPPED = Gazetteer.loadDefault();

	private static final GeocodeContext SYRIA = GeocodeContext.syria();

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Hama          | gn:170017
			Hamah         | gn:170017
			Ḩamāh         | gn:170017
			HAMA          | gn:170017
			حماة          | gn:170017
			Aleppo        | gn:170063
			Homs          | gn:169577
			Damascus      | gn:170654
			Muhradah      | gn:166742
			As Salamiyah  | gn:164947
			Deir ez-Zor   | gn:170794
			Deir ez Zor   | gn:170794
			""")
	void shippedExtractResolvesNewsSpellingsOfSyrianCities(String query, String expectedId) {
		GeocodeResult result = new ExactNameGeocoder(SHIPPED).geocode(query, SYRIA);

		assertThat(result.isResolved()).as(result.explanation()).isTrue();
		assertThat(result.resolution().place().id()).isEqualTo(expectedId);
		assertThat(result.resolution().geoPrecision()).isEqualTo(1);
		assertThat(result.resolution().method()).isEqualTo("exact-name");
	}

	@Test
	void unknownNameIsUnresolvedWithAReason() {
		GeocodeResult result = new ExactNameGeocoder(SHIPPED).geocode("a strategic hill north of Hama", SYRIA);

		assertThat(result.isResolved()).isFalse();
		assertThat(result.candidates()).isEmpty();
		assertThat(result.explanation()).contains("no gazetteer record");
	}

	@Test
	void countryInFocusBeatsALargerPlaceOfTheSameNameAbroad() {
		var abroad = place("gn:1", "Tripoli", "LY", "PPLC", 1_000_000);
		var inSyria = place("gn:2", "Tripoli", "SY", "PPL", 0);

		GeocodeResult result = new ExactNameGeocoder(Gazetteer.of(List.of(abroad, inSyria))).geocode("Tripoli",
				SYRIA);

		assertThat(result.resolution().place().id()).isEqualTo("gn:2");
		assertThat(result.candidates()).extracting(c -> c.place().id()).containsExactly("gn:2", "gn:1");
	}

	@Test
	void governorateSeatBeatsAVillageOfTheSameName() {
		var village = place("gn:1", "Idlib", "SY", "PPL", 900);
		var seat = place("gn:2", "Idlib", "SY", "PPLA", 100);

		GeocodeResult result = new ExactNameGeocoder(Gazetteer.of(List.of(village, seat))).geocode("idlib", SYRIA);

		assertThat(result.resolution().place().id()).isEqualTo("gn:2");
	}

	@Test
	void twoAlikeVillagesOfOneNameGiveNoAnswerButListBoth() {
		var one = place("gn:1", "Tall Hamid", "SY", "PPL", 0);
		var other = place("gn:2", "Tall Hamid", "SY", "PPL", 0);

		GeocodeResult result = new ExactNameGeocoder(Gazetteer.of(List.of(one, other))).geocode("Tall Hamid", SYRIA);

		assertThat(result.isResolved()).isFalse();
		assertThat(result.candidates()).hasSize(2);
		assertThat(result.explanation()).contains("rank alike").contains("gn:1").contains("gn:2");
	}

	private static Place place(String id, String name, String country, String code, long population) {
		return new Place(id, name, name, List.of(), 35, 36, "P", code, country, "01", population);
	}

}
