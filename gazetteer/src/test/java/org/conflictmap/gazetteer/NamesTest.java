package org.conflictmap.gazetteer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

	@ParameterizedTest(name = "\"{0}\" folds to \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			Ḩamāh                 | hamah
			Ma‘arrat an-Nu‘mān    | ma arrat an nu man
			Deir ez-Zor           | deir ez zor
			  Aleppo              | aleppo
			Tall  Rif‘at          | tall rif at
			Sant Julià de Lòria   | sant julia de loria
			""")
	void foldsCaseDiacriticsAndPunctuation(String name, String folded) {
		assertThat(Names.fold(name)).isEqualTo(folded);
	}

}
