package org.conflictmap.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictmap.event.EventRepository;
import org.conflictmap.support.Gdal;
import org.conflictmap.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vector tile over more events than a tile holds one by one: it carries their clusters, whose counts add
 * up to every event in it, and a tile deeper in holds the events themselves. Read back by GDAL's MVT driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/tiles-${random.uuid}",
				"conflictmap.import-seeds-on-start=false" })
class OgcTilesTest {

	@LocalServerPort
	int port;

	@Autowired
	EventRepository events;

	@Test
	void aCrowdedTileCarriesClustersThatCountEveryEvent() throws Exception {
		Gdal.require();
		// 2,100 events in a 0.2-degree square near Hama, all on one tile at zoom 8
		for (int i = 0; i < 2_100; i++) {
			double[] at = { 36.70 + (i % 50) * 0.004, 35.05 + (i / 50) * 0.004 };
			events.insert(TestEvents.event("crowd-" + i, "2024-12-01", "2024-12-01", at), "seed", "h", "test");
		}
		JsonNode crowded = tileAt(8, 36.80, 35.15);
		long counted = 0;
		for (JsonNode f : crowded.get("features")) {
			assertThat(f.get("properties").get("cluster").asBoolean()).isTrue();
			counted += f.get("properties").get("point_count").asLong();
		}
		assertThat(crowded.get("features").size()).as("fewer clusters than events").isBetween(1, 100);
		assertThat(counted).isEqualTo(2_100);

		// zoom 14 around (36.75, 35.10): a few dozen events, each its own point
		JsonNode close = tileAt(14, 36.75, 35.10);
		assertThat(close.get("features").size()).isBetween(1, 2_000);
		assertThat(close.get("features").get(0).get("properties").get("id").asString()).startsWith("crowd-");
	}

	/** The tile of zoom {@code z} that holds lon, lat. */
	private JsonNode tileAt(int z, double lon, double lat) throws Exception {
		int col = (int) Math.floor((lon + 180) / 360 * (1 << z));
		double phi = Math.toRadians(lat);
		int row = (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * (1 << z));
		return tile(z, row, col);
	}

	private JsonNode tile(int z, int row, int col) throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/ogcapi/collections/events/tiles/WebMercatorQuad/" + z + "/" + row + "/" + col)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		Path file = Files.createTempFile("tile", ".mvt");
		try {
			Files.write(file, response.body());
			return Gdal.toGeoJson(file.toString(), "-oo", "X=" + col, "-oo", "Y=" + row, "-oo", "Z=" + z);
		}
		finally {
			Files.delete(file);
		}
	}

}
