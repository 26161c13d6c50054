package org.conflictmap.gazetteer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

	@ParameterizedTest(name = "fold \"{0}\" = \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			Ḩamāh                 | hamah
			Ḥamāh                 | hamah
			Ma‘arrat an-Nu‘mān    | ma arrat an nu man
			I`zaz                 | i zaz
			Deir ez-Zor           | deir ez zor
			  Aleppo              | aleppo
			Tall  Rif‘at          | tall rif at
			Sant Julià de Lòria   | sant julia de loria
			إدلب                  | ادلب
			حماة                  | حماه
			حلـــب                | حلب
			""")
	void foldsCaseDiacriticsPunctuationAndArabicLetterForms(String name, String folded) {
		assertThat(Names.fold(name)).isEqualTo(folded);
	}

	@ParameterizedTest(name = "key \"{0}\" = key \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			Ma'arrat an-Nu'man  | Maarat al-Numan
			Khan Sheikhoun      | Khān Shaykhūn
			Salamiyeh           | As Salamīyah
			Salamiya            | As Salamiyah
			Muhrada             | Muḩradah
			Jisr al-Shughour    | Jisr ash Shughūr
			Tal Rifaat          | Tall Rif‘at
			Qamishli            | Al Qāmishlī
			Rakka               | Ar Raqqah
			Hassakeh            | Al Hasakah
			الرقة               | رقه
			""")
	void newsSpellingsShareAVariantKeyWithTheGazetteerName(String news, String gazetteer) {
		assertThat(Names.key(news)).isEqualTo(Names.key(gazetteer));
	}

	@ParameterizedTest(name = "key \"{0}\" != key \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			Hama    | Homs
			Idlib   | Ariha
			Nubl    | Nabk
			""")
	void differentPlacesKeepDifferentKeys(String one, String other) {
		assertThat(Names.key(one)).isNotEqualTo(Names.key(other));
	}

	@ParameterizedTest(name = "distance(\"{0}\", \"{1}\") = {2}")
	@CsvSource(delimiter = '|', textBlock = """
			muhrada  | muhrada  | 0
			mharda   | muhrada  | 2
			idlab    | idlib    | 1
			saraqib  | sarakib  | 1
			abcd     | badc     | 2
			hama     | aleppo   | 3
			""")
	void editDistanceCountsTranspositionsAsOneAndStopsPastTheLimit(String a, String b, int expected) {
		assertThat(Names.distance(a, b, 2)).isEqualTo(expected);
	}

}
