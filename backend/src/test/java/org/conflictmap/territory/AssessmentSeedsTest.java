package org.conflictmap.territory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictmap.ingest.SeedFixture;
import org.conflictmap.ingest.SeedImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The territory seeds: imported once, unchanged on a second import, and a mistake named by the file and the line its feature starts on. */
class AssessmentSeedsTest {

	@Test
	void theShippedBaselineIsImportedOnceAndLeftAloneAfter() {
		var seeded = new SeedFixture();

		var first = seeded.territory.importDirectory(Path.of("seeds"));
		var second = seeded.territory.importDirectory(Path.of("seeds"));

		assertThat(first.created()).isEqualTo(2);
		assertThat(second).isEqualTo(new AssessmentSeeds.Summary(0, 0, 2));
		assertThat(seeded.assessmentStore.findById("baseline-2024-11-26-idlib-pocket").orElseThrow().status())
			.isEqualTo("published");
	}

	@Test
	void aBrokenFeatureStopsTheImportWithItsFileAndLineAndWritesNothing(@TempDir Path seeds) throws IOException {
		Files.createDirectories(seeds.resolve("territory"));
		Path file = seeds.resolve("territory/broken.geojson");
		Files.writeString(file, """
				{"type": "FeatureCollection", "features": [
				  {"type": "Feature", "id": "fine",
				   "geometry": {"type": "Polygon", "coordinates": [[[36.6,35.6],[36.8,35.6],[36.8,35.8],[36.6,35.6]]]},
				   "properties": {"side": "opposition", "valid_from": "2024-11-30", "confidence": "low"}},
				  {"type": "Feature", "id": "bowtie",
				   "geometry": {"type": "Polygon", "coordinates": [[[36.6,35.6],[36.8,35.8],[36.8,35.6],[36.6,35.8],[36.6,35.6]]]},
				   "properties": {"side": "opposition", "valid_from": "2024-11-30", "confidence": "low"}}
				]}
				""");
		var seeded = new SeedFixture();

		assertThatThrownBy(() -> seeded.territory.importDirectory(seeds)).isInstanceOf(SeedImportException.class)
			.hasMessageContaining(file + ":5: geometry: self-intersection at lon 36.70000, lat 35.70000");
		assertThat(seeded.assessmentStore.findById("fine")).as("nothing written").isEmpty();
	}

}
