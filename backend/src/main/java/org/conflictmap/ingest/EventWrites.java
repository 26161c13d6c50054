package org.conflictmap.ingest;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.conflictmap.errors.NotFoundException;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventChange;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.geocode.EventGeocoder;
import org.conflictmap.geocode.Placement;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.nodes.Node;
import tools.jackson.core.JacksonException;

/**
 * Curators' writes: create, replace, archive and restore events. Every body passes the seed files' checks
 * ({@link SeedParser}), every problem is reported at once and nothing is stored then; every write is a
 * new version in the history, made only if the writer saw the version it replaces.
 */
@Service
public class EventWrites {

	static final String ORIGIN = "api";

	/** What problems in a body are attributed to. */
	static final String BODY = "request body";

	/** What a body may set the status to: archiving is DELETE, un-archiving is /restore. */
	static final List<String> WRITABLE_STATUSES = List.of("draft", "published");

	private static final int MAX_SLUG_WORDS = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EventRepository events;

	private final EventGeocoder geocoder;

	private final Sides sides;

	private final TransactionTemplate transaction;

	EventWrites(EventRepository events, EventGeocoder geocoder, Sides sides, TransactionTemplate transaction) {
		this.events = events;
		this.geocoder = geocoder;
		this.sides = sides;
		this.transaction = transaction;
	}

	/**
	 * The result of a write.
	 * @param changed false when the write asked for what was already there: no new version was made
	 */
	public record Written(Event event, boolean changed) {
	}

	/** A body's problems, every one with its field; nothing was stored. */
	public static class InvalidEventException extends RuntimeException {

		private final List<Problems.Problem> problems;

		InvalidEventException(List<Problems.Problem> problems) {
			super(problems.size() + (problems.size() == 1 ? " problem" : " problems")
					+ " in the event; nothing was stored");
			this.problems = List.copyOf(problems);
		}

		/** Each problem as field and message. */
		public List<FieldProblem> problems() {
			return problems.stream().map(p -> new FieldProblem(p.field(), p.message())).toList();
		}

	}

	/** One problem with a written event: which field (null for the body as a whole) and what to change. */
	public record FieldProblem(String field, String detail) {
	}

	/** The write was based on a version that is no longer the current one. */
	public static class StaleVersionException extends RuntimeException {

		private final Event current;

		StaleVersionException(Event current, int expected) {
			super("the event '" + current.id() + "' is at version " + current.version() + ", saved "
					+ current.updatedAt() + "; this change was made to version " + expected
					+ ". Load the current version, redo the change and save again");
			this.current = current;
		}

		public Event current() {
			return current;
		}

	}

	/** The write does not fit the event's state: the id is taken, or the event is archived. */
	public static class WriteConflictException extends RuntimeException {

		WriteConflictException(String message) {
			super(message);
		}

	}

	/** Stores a new event from a JSON body, at version 1; its id is made by {@link #freeId} when absent. */
	public Event create(String body, String user) {
		SeedEvent input = parse(body, null);
		Placement placement = geocoder.place(input.placeText(), input.pin(), GeocodeContext.syria());
		return transaction.execute(status -> {
			String id = input.id() != null ? input.id() : freeId(input);
			if (events.findById(id).isPresent()) {
				throw new WriteConflictException("an event with the id '" + id + "' exists; PUT /api/events/" + id
						+ " changes it, or leave id out to get a new one");
			}
			Event event = input.toEvent(id, placement);
			return events.insert(event, ORIGIN, EventJson.contentHash(event), user);
		});
	}

	/**
	 * Replaces an event with a JSON body, if it is still at {@code expectedVersion} (null: whatever it is).
	 * The place is geocoded again only when {@code place_text} or the pin changed, so an edit of the
	 * title never moves the point.
	 */
	public Written replace(String id, String body, Integer expectedVersion, String user) {
		SeedEvent input = parse(body, id);
		Event before = current(id, expectedVersion);
		if (EventChange.ARCHIVED.equals(before.status())) {
			throw new WriteConflictException("the event '" + id + "' is archived; POST /api/events/" + id
					+ "/restore brings it back, then change it");
		}
		Placement placement = input.pin() == null && Objects.equals(input.placeText(), before.placeText())
				? new Placement(before.geom(), before.geocode(), before.country(), before.admin1())
				: geocoder.place(input.placeText(), input.pin(), GeocodeContext.syria());
		Event after = input.toEvent(id, placement);
		return write(before, after, user, null);
	}

	/** Takes the event off the map and out of the exports; its history stays. */
	public Written archive(String id, Integer expectedVersion, String user) {
		Event before = current(id, expectedVersion);
		if (EventChange.ARCHIVED.equals(before.status())) {
			return new Written(before, false);
		}
		return write(before, before.withStatus(EventChange.ARCHIVED), user, null);
	}

	/**
	 * Brings back an event as it was at {@code version}, as a new version; with no version, takes the
	 * event out of the archive with the status it had before.
	 */
	public Written restore(String id, Integer version, Integer expectedVersion, String user) {
		Event before = current(id, expectedVersion);
		if (version == null) {
			if (!EventChange.ARCHIVED.equals(before.status())) {
				return new Written(before, false);
			}
			return write(before, before.withStatus(statusBefore(id, before.version())), user, null);
		}
		Event old = events.atVersion(id, version)
			.orElseThrow(() -> new NotFoundException("the event '" + id + "' has no version " + version
					+ "; its versions are 1 to " + before.version()));
		String status = EventChange.ARCHIVED.equals(old.status()) ? statusBefore(id, version) : old.status();
		return write(before, old.withStatus(status), user, version);
	}

	private Written write(Event before, Event after, String user, Integer restoredFrom) {
		String hash = EventJson.contentHash(after);
		if (restoredFrom == null && hash.equals(EventJson.contentHash(before))) {
			return new Written(before, false);
		}
		Event draft = after.withVersion(before.version(), before.createdAt(), before.updatedAt());
		try {
			return transaction
				.execute(status -> new Written(events.update(draft, ORIGIN, hash, user, restoredFrom), true));
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleVersionException(events.findById(before.id()).orElse(before), before.version());
		}
	}

	private Event current(String id, Integer expectedVersion) {
		Event current = events.findById(id).orElseThrow(() -> new NotFoundException("no event has the id '" + id + "'"));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleVersionException(current, expectedVersion);
		}
		return current;
	}

	/** The curation status of the latest version before {@code version} that was not archived. */
	private String statusBefore(String id, int version) {
		return events.versions(id)
			.stream()
			.filter(v -> v.version() < version && !EventChange.ARCHIVED.equals(v.status()))
			.reduce((a, b) -> b)
			.map(EventChange::status)
			.orElse("draft");
	}

	private SeedEvent parse(String body, String pathId) {
		var problems = new Problems();
		Node root;
		try {
			root = JsonNodes.parse(body);
		}
		catch (JacksonException ex) {
			problems.add(BODY, 0, null, "not valid JSON: " + ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " (line " + ex.getLocation().getLineNr() + ", column "
							+ ex.getLocation().getColumnNr() + ")"));
			throw new InvalidEventException(problems.all());
		}
		SeedEvent input = new SeedParser(problems).requestEvent(BODY, root, sides.ids(), WRITABLE_STATUSES);
		if (input != null && pathId != null && input.id() != null && !input.id().equals(pathId)) {
			problems.add(BODY, 0, "id", "'" + input.id() + "' differs from the address's '" + pathId
					+ "'; ids do not change: leave id out, or create a new event");
		}
		if (!problems.isEmpty()) {
			throw new InvalidEventException(problems.all());
		}
		return input;
	}

	/**
	 * {@code 2024-12-05-rebels-enter-hama}: the start date and the title's first words, made unique. A
	 * draft's title is not public and may change before it is published, so a draft gets the start date
	 * and a random part instead ({@code 2024-12-05-3f9a0c1d}): ids never change, and the public sees them.
	 */
	private String freeId(SeedEvent input) {
		if (!"published".equals(input.status())) {
			String id;
			do {
				id = input.dateStart() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
			}
			while (events.findById(id).isPresent());
			return id;
		}
		String words = Normalizer.normalize(input.title(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", " ")
			.strip();
		String slug = String.join("-", List.of(words.split(" ")).stream().filter(w -> !w.isEmpty()).limit(MAX_SLUG_WORDS).toList());
		String base = input.dateStart() + (slug.isEmpty() ? "-event" : "-" + slug);
		String id = base;
		for (int n = 2; events.findById(id).isPresent(); n++) {
			id = base + "-" + n;
		}
		return id;
	}



}
