package org.conflictmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend's layering as the README draws it: {@code errors}, {@code database} and {@code web} lie
 * beneath the features and use none of them (no cycle back), and {@code errors} uses neither of the
 * other two. Read from the sources' imports and fully qualified names.
 */
class PackageLayersTest {

	private static final Path SOURCES = Path.of("backend/src/main/java/org/conflictmap");

	private static final String FEATURES = "changes|event|territory|map|ingest|bulk|geocode|export|ogcapi|security|gazetteer";

	@Test
	void theSharedPackagesUseNoFeature() throws IOException {
		for (String shared : List.of("errors", "database", "web")) {
			assertThat(uses(shared, FEATURES)).as("what %s uses of the features", shared).isEmpty();
		}
		assertThat(uses("errors", "database|web")).as("what errors uses of database and web").isEmpty();
	}

	/** (Tests run from the repository root.) The lines of {@code pkg}'s sources that name a class of one of {@code packages}. */
	private static List<String> uses(String pkg, String packages) throws IOException {
		Path dir = SOURCES.resolve(pkg);
		assertThat(dir).isDirectory();
		var named = Pattern.compile("org\\.conflictmap\\.(" + packages + ")\\.");
		var found = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				for (String line : Files.readAllLines(file)) {
					if (named.matcher(line).find()) {
						found.add(dir.relativize(file) + ": " + line.strip());
					}
				}
			}
		}
		return found;
	}

}
