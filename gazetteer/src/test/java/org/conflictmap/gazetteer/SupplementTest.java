package org.conflictmap.gazetteer;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The curated supplement's own data: ids, sources, outlines. */
class SupplementTest {

	private static final GeometryFactory FACTORY = new GeometryFactory();

	@Test
	void everyRecordCitesItsSourceAndLiesInSyria() throws IOException {
		Supplement supplement = Supplement.load();

		assertThat(supplement.places()).hasSizeGreaterThanOrEqualTo(30);
		supplement.places().forEach(p -> {
			assertThat(p.id()).startsWith("cm:");
			assertThat(supplement.extras().get(p.id()).source()).as(p.id()).isNotBlank();
			assertThat(p.lon()).as(p.id()).isBetween(35.5, 42.5);
			assertThat(p.lat()).as(p.id()).isBetween(32.3, 37.4);
		});
	}

	@Test
	void everyOutlineIsAValidPolygonAroundItsOwnPoint() throws IOException {
		Supplement supplement = Supplement.load();

		long outlines = supplement.places().stream().filter(p -> supplement.extras().get(p.id()).outline() != null).peek(p -> {
			var outline = supplement.extras().get(p.id()).outline();
			assertThat(outline.isValid()).as(p.id()).isTrue();
			assertThat(outline.contains(FACTORY.createPoint(new Coordinate(p.lon(), p.lat())))).as(p.id()).isTrue();
		}).count();
		assertThat(outlines).isGreaterThanOrEqualTo(5);
	}

	@Test
	void governoratesCoverEveryAdmin1CodeOfSyria() {
		Gazetteer g = Gazetteer.loadDefault();

		for (int code = 1; code <= 14; code++) {
			String id = String.format("cm:sy-adm1-%02d", code);
			assertThat(g.byId(id)).as(id).isPresent();
			assertThat(g.isArea(g.byId(id).orElseThrow())).isTrue();
		}
	}

}
