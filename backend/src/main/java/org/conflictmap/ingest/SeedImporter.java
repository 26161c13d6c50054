package org.conflictmap.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.conflictmap.event.Event;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.geocode.EventGeocoder;
import org.conflictmap.geocode.Placement;
import org.conflictmap.geocode.PlacementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a seeds directory: sides.yaml and every other *.yaml file of events. All or nothing: every
 * file is parsed and every place geocoded before anything is written, and the writes share one
 * transaction. Idempotent: an event whose seed and placement are unchanged is left alone; a changed one
 * becomes a new version, the previous kept in the history.
 */
@Service
public class SeedImporter {

	static final String ORIGIN = "seed";

	static final String SIDES_FILE = "sides.yaml";

	private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

	private final EventRepository events;

	private final EventGeocoder geocoder;

	private final TransactionTemplate transaction;

	public SeedImporter(EventRepository events, EventGeocoder geocoder, TransactionTemplate transaction) {
		this.events = events;
		this.geocoder = geocoder;
		this.transaction = transaction;
	}

	/** What an import did. */
	public record Report(int inserted, int updated, int unchanged) {
	}

	/**
	 * @throws SeedImportException listing every problem as file:line, when anything is wrong; then
	 * nothing was stored
	 */
	public Report importDirectory(Path dir) {
		var problems = new Problems();
		var parser = new SeedParser(problems);
		Path sidesFile = dir.resolve(SIDES_FILE);
		if (!Files.isRegularFile(sidesFile)) {
			problems.add(sidesFile.toString(), 0, "missing; declare the sides of the conflict here (see seeds/README.md)");
			problems.throwIfAny();
		}
		Set<String> sideIds = parser.sides(sidesFile).stream().map(Side::id).collect(Collectors.toSet());
		var seenIds = new HashMap<String, String>();
		var seeds = new ArrayList<SeedEvent>();
		for (Path file : eventFiles(dir)) {
			seeds.addAll(parser.events(file, sideIds, seenIds));
		}
		var placed = new ArrayList<Event>();
		for (SeedEvent seed : seeds) {
			try {
				Placement placement = geocoder.place(seed.placeText(), seed.pin(), GeocodeContext.syria());
				placed.add(seed.toEvent(seed.id(), placement));
			}
			catch (PlacementException ex) {
				problems.add(seed.file(), seed.placeLine(), "place_text", ex.getMessage());
			}
		}
		problems.throwIfAny();
		Report report = transaction.execute(status -> write(placed));
		log.info("Seeds from {}: {} new, {} updated, {} unchanged", dir, report.inserted(), report.updated(),
				report.unchanged());
		return report;
	}

	private Report write(List<Event> placed) {
		Map<String, String> stored = events.originHashes(ORIGIN);
		int inserted = 0;
		int updated = 0;
		for (Event event : placed) {
			String hash = EventJson.contentHash(event);
			if (!stored.containsKey(event.id()) && events.findById(event.id()).isPresent()) {
				// a curator has edited it through the API since: their version is newer than the file's
				log.info("Seed {} is left alone: a curator has edited it since; see its history", event.id());
			}
			else if (!stored.containsKey(event.id())) {
				events.insert(event, ORIGIN, hash, ORIGIN);
				inserted++;
			}
			else if (!hash.equals(stored.get(event.id()))) {
				int current = events.findById(event.id()).orElseThrow().version();
				events.update(event.withVersion(current, event.createdAt(), event.updatedAt()), ORIGIN, hash, ORIGIN);
				updated++;
			}
		}
		return new Report(inserted, updated, placed.size() - inserted - updated);
	}

	private static List<Path> eventFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
				.filter(f -> !f.getFileName().toString().equals(SIDES_FILE))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list seed files in " + dir, ex);
		}
	}


}
