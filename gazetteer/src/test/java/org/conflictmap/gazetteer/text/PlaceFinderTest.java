package org.conflictmap.gazetteer.text;

import java.util.List;

import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GeoMath;
import org.conflictmap.gazetteer.NewsGeocoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceFinderTest {

	private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

	private static final PlaceFinder FINDER = new PlaceFinder(GAZETTEER, new NewsGeocoder(GAZETTEER));

	private static List<PlaceMention> find(String text) {
		return FINDER.find(text, List.of(), null, "SY");
	}

	private static List<String> texts(String text) {
		return find(text).stream().map(PlaceMention::text).toList();
	}

	@Test
	void findsNamesInAnySpellingWithOffsetsIntoTheText() {
		String text = "Rebels entered Ma'arrat an-Nu'man and Salamiya, then Khan Sheikhoun.";
		List<PlaceMention> found = find(text);
		assertThat(found).extracting(PlaceMention::text).containsExactly("Ma'arrat an-Nu'man", "Salamiya", "Khan Sheikhoun");
		for (PlaceMention p : found) {
			assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text());
			assertThat(p.resolved()).isTrue();
		}
		assertThat(found.get(0).result().resolution().place().id()).isEqualTo("gn:167611");
	}

	@Test
	void nationalitiesAndActorsAreNotPlacesButCountriesAre() {
		List<PlaceMention> found = find("Syrian and Russian jets struck Hama as Syria's army retreated.");
		assertThat(found).extracting(PlaceMention::text).containsExactly("Hama", "Syria");
		assertThat(found.get(1).result().resolution().place().featureCode()).isEqualTo("PCLI");
		assertThat(found.get(1).result().resolution().geoPrecision()).isEqualTo(3);
		String sdf = "The Syrian Democratic Forces held Raqqa.";
		int at = sdf.indexOf("Syrian Democratic Forces");
		assertThat(FINDER.find(sdf, List.of(new int[] { at, at + 24 }), null, "SY")).extracting(PlaceMention::text)
			.containsExactly("Raqqa");
	}

	@Test
	void peoplesNamesAndCommonWordsAreNotPlaces() {
		assertThat(texts("President Bashar al-Assad flew out as commander Hassan Abdul Ghany spoke.")).isEmpty();
		assertThat(texts("Hit by shelling overnight, Idlib lost power.")).containsExactly("Idlib");
		assertThat(texts("Kurdish-held Nubl came under fire.")).containsExactly("Nubl");
	}

	@Test
	void aLoneNameThatSpeaksOrActsIsAPersonAndAnAlternateAbroadNeedsAPlaceWord() {
		assertThat(texts("Sharaa said the country would be rebuilt. Ali and Omar left. Salem agreed.")).isEmpty();
		assertThat(texts("Assad fled to Moscow. Damascus said it would respond.")).containsExactly("Moscow", "Damascus");
	}

	@Test
	void takesInTheRelationAroundTheName() {
		List<PlaceMention> found = find("Fighters moved 12 km north of Hama, into Idlib province and Hama's eastern edges.");
		assertThat(found).extracting(PlaceMention::text)
			.containsExactly("12 km north of Hama", "Idlib province", "Hama's eastern edges");
		var hama = GAZETTEER.byId("gn:170017").orElseThrow();
		var offset = found.get(0).result().resolution();
		assertThat(GeoMath.km(offset.lon(), offset.lat(), hama.lon(), hama.lat())).isBetween(11.5, 12.5);
		assertThat(found.get(1).result().resolution().place().id()).isEqualTo("cm:sy-adm1-12");
		assertThat(found.get(1).result().resolution().geoPrecision()).isEqualTo(3);
		assertThat(found.get(2).result().resolution().method()).isEqualTo("relative-edge");
	}

	@Test
	void aLandmarkResolvesInItsCityAndAFacilityNearItsTown() {
		List<PlaceMention> found = find("Crowds filled Umayyad Square while jets left Hama Military Airport.");
		assertThat(found).extracting(PlaceMention::text).containsExactly("Umayyad Square", "Hama Military Airport");
		var damascus = GAZETTEER.byId("gn:170654").orElseThrow();
		var square = found.get(0).result().resolution();
		assertThat(GeoMath.km(square.lon(), square.lat(), damascus.lon(), damascus.lat())).isLessThan(5);
		assertThat(found.get(1).result().resolution().method()).isEqualTo("relative-near");
		assertThat(found.get(1).result().resolution().place().id()).isEqualTo("gn:170017");
	}

	@Test
	void aDatelineIsWhereTheReportWasFiledNotAnEventPlace() {
		List<PlaceMention> found = find("DAMASCUS, Syria, Dec 8 (Reuters) - Crowds cheered in Damascus as rebels took Homs.");
		assertThat(found).extracting(PlaceMention::text).containsExactly("DAMASCUS", "Syria", "Damascus", "Homs");
		assertThat(found).extracting(PlaceMention::role).containsExactly("dateline", "dateline", "event", "event");
		assertThat(find("Amman: Rebels entered Hama.")).extracting(PlaceMention::role).containsExactly("dateline", "event");
		assertThat(FINDER.find("Rebels entered Hama, reports from Beirut said.", List.of(), "Beirut", "SY"))
			.extracting(PlaceMention::role).containsExactly("event", "event");
	}

	@Test
	void theBorderIsTheOneWithTheNeighbourTheSentenceNames() {
		List<PlaceMention> found = find("Militias from Iraq sent fighters across the border on Monday.");
		assertThat(found).extracting(PlaceMention::text).containsExactly("Iraq", "the border");
		assertThat(found.get(1).result().resolution().place().id()).isEqualTo("cm:iraq-border-crossing");
	}

}
