package org.conflictmap.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDAL's command-line tools, as a GIS user runs them, from Debian's gdal-bin. Tests that need them skip
 * with a message on a machine without GDAL, and fail in CI.
 */
public final class Gdal {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Gdal() {
	}

	/** Skips outside CI, fails in CI, when ogr2ogr is not installed. */
	public static void require() {
		if (Files.isExecutable(Path.of("/usr/bin/ogr2ogr"))) {
			return;
		}
		String message = "GDAL's ogr2ogr is not installed; .ci/run installs Debian's gdal-bin";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true and " + message);
		}
		Assumptions.abort("skipped: " + message);
	}

	/** Converts any source GDAL reads into a GeoJSON FeatureCollection with ogr2ogr, and parses it. */
	public static JsonNode toGeoJson(String source, String... options) {
		var command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", source));
		command.addAll(List.of(options));
		return JSON.readTree(run(command));
	}

	/** Runs a GDAL command and returns its standard output; fails the test on a non-zero exit. */
	public static String run(List<String> command) {
		try {
			Path err = Files.createTempFile("gdal", ".err");
			Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				Assertions.fail(String.join(" ", command) + " did not finish in 120 s");
			}
			String stderr = Files.readString(err);
			Files.delete(err);
			if (p.exitValue() != 0) {
				Assertions.fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + stderr);
			}
			return out;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
