package org.conflictmap.territory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.conflictmap.event.EventChange;
import org.conflictmap.event.EventJson;
import org.conflictmap.ingest.SeedImportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Imports {@code seeds/territory/*.geojson} into the assessments store, as the events' seeds are: each
 * feature is checked as {@code POST /api/territory/assessments} checks a body; an unchanged one is left
 * alone, a changed one gets a new version, and any mistake stops the import with {@code file:line}
 * before anything is written.
 */
@Component
public class AssessmentSeeds {

	static final String ORIGIN = "seed";

	private static final Logger log = LoggerFactory.getLogger(AssessmentSeeds.class);

	private final Assessments assessments;

	private final AssessmentRepository store;

	private final TransactionTemplate transaction;

	public AssessmentSeeds(Assessments assessments, AssessmentRepository store, TransactionTemplate transaction) {
		this.assessments = assessments;
		this.store = store;
		this.transaction = transaction;
	}

	/** What an import did. */
	public record Summary(int created, int updated, int unchanged) {
	}

	/** @throws SeedImportException listing every problem as file:line, with nothing written */
	public Summary importDirectory(Path seedsDir) {
		var problems = new ArrayList<String>();
		var read = new ArrayList<Assessment>();
		for (Path file : files(seedsDir.resolve("territory"))) {
			readFile(file, read, problems);
		}
		if (!problems.isEmpty()) {
			throw new SeedImportException(problems);
		}
		Summary summary = transaction.execute(status -> write(read));
		log.info("Territory seeds from {}: {} new, {} updated, {} unchanged", seedsDir, summary.created(),
				summary.updated(), summary.unchanged());
		return summary;
	}

	private Summary write(List<Assessment> read) {
		Map<String, String> stored = store.originHashes(ORIGIN);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Assessment a : read) {
			String hash = Assessments.hash(a);
			var current = store.findById(a.id());
			if (current.isEmpty()) {
				store.insert(a, ORIGIN, hash, ORIGIN);
				created++;
			}
			else if (hash.equals(stored.get(a.id()))) {
				unchanged++;
			}
			else {
				Assessment c = current.get();
				store.update(a.withVersion(c.version(), c.createdAt(), c.updatedAt()), ORIGIN, hash, ORIGIN, EventChange.UPDATED,
						null);
				updated++;
			}
		}
		return new Summary(created, updated, unchanged);
	}

	/** Each feature of one file, with the line it starts on for messages. */
	private void readFile(Path file, List<Assessment> into, List<String> problems) {
		var ids = new java.util.HashSet<String>();
		into.forEach(a -> ids.add(a.id()));
		try (JsonParser parser = EventJson.MAPPER.createParser(file.toFile())) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				problems.add(file + ":1: must be a GeoJSON FeatureCollection");
				return;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (!"features".equals(name)) {
					parser.skipChildren();
					continue;
				}
				if (parser.currentToken() != JsonToken.START_ARRAY) {
					problems.add(file + ":" + parser.currentTokenLocation().getLineNr() + ": features must be an array");
					return;
				}
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					int line = parser.currentTokenLocation().getLineNr();
					JsonNode feature = parser.readValueAsTree();
					String where = file + ":" + line;
					if (!feature.path("id").isString()) {
						problems.add(where + ": id: every seeded assessment needs an id, so a re-import finds it");
						continue;
					}
					try {
						Assessment a = assessments.check(feature, null, Set.of("draft", "published"), where);
						if (!ids.add(a.id())) {
							problems.add(where + ": id: '" + a.id() + "' is used twice");
						}
						into.add(a);
					}
					catch (Assessments.InvalidException ex) {
						ex.problems().forEach(p -> problems.add(where + ": " + (p.field() == null ? "" : p.field() + ": ")
								+ p.detail()));
					}
				}
			}
		}
		catch (JacksonException ex) {
			problems.add(file + ":" + (ex.getLocation() == null ? 1 : ex.getLocation().getLineNr()) + ": not valid JSON: "
					+ ex.getOriginalMessage());
		}
	}

	private static List<Path> files(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.toString().endsWith(".geojson")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
