package org.conflictmap.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.conflictmap.support.HttpJson;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QGIS as a real client: Debian's QGIS 3.22 (python3-qgis, offscreen) adds the service as an OGC API -
 * Features layer and as a vector tile layer (src/test/qgis/read_service.py), reads every event and
 * draws the tiles; the picture goes to {@code -Dscreenshots.dir} as qgis.png (docs/ refreshes the
 * README's). Skips without QGIS on a laptop; fails under CI=true, where .ci/run installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/qgis-${random.uuid}")
class QgisClientTest {

	/** Debian's Python, the one python3-qgis installs into (a PATH python may be another). */
	private static final Path PYTHON = Path.of("/usr/bin/python3");

	@LocalServerPort
	int port;

	@Test
	void qgisReadsEveryEventAndDrawsTheTiles() throws Exception {
		requireQgis();
		Path dir = Path.of(System.getProperty("screenshots.dir", "backend/target/screenshots"));
		Files.createDirectories(dir);
		Path picture = dir.resolve("qgis.png");

		String out = run(List.of(PYTHON.toString(), "backend/src/test/qgis/read_service.py", "http://127.0.0.1:" + port,
				picture.toString()));

		JsonNode result = org.conflictmap.event.EventJson.MAPPER.readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
		int published = HttpJson.get("http://127.0.0.1:" + port + "/api/events").body().get("numberMatched").asInt();
		assertThat(result.get("features").asInt()).as("QGIS reads every published event").isEqualTo(published);
		assertThat(result.get("tile_pixels").asInt()).as("QGIS draws the vector tiles").isPositive();
		assertThat(Files.size(picture)).isPositive();
	}

	private static void requireQgis() throws Exception {
		if (Files.isExecutable(PYTHON)) {
			Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import qgis.core").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
				return;
			}
		}
		String message = "QGIS's Python bindings are not installed; .ci/run installs Debian's python3-qgis";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true and " + message);
		}
		Assumptions.abort("skipped: " + message);
	}

	private static String run(List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			Assertions.fail(String.join(" ", command) + " did not finish in 180 s");
		}
		assertThat(p.exitValue()).as(out).isZero();
		return out;
	}

}
