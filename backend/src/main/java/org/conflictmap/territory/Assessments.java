package org.conflictmap.territory;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.conflictmap.errors.NotFoundException;
import org.conflictmap.event.EventChange;
import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventRepository;
import org.conflictmap.event.EventText;
import org.conflictmap.ingest.Sides;
import org.conflictmap.map.MapRegion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Writes of territory assessments, checked as events are: a body with a problem is refused whole with
 * every problem named, and nothing is stored; a write made to an older version than the stored one is
 * refused ({@link StaleException}); archive and restore make new versions.
 */
@Service
public class Assessments {

	/** The most vertices one assessment may hold: a country's outline at a metre has fewer. */
	public static final int MAX_VERTICES = 50_000;

	static final Set<String> WRITABLE_STATUSES = Set.of("draft", "published");

	static final String ORIGIN = "api";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AssessmentRepository store;

	private final EventRepository events;

	private final Sides sides;

	private final MapRegion region;

	private final TransactionTemplate transaction;

	public Assessments(AssessmentRepository store, EventRepository events, Sides sides, MapRegion region,
			TransactionTemplate transaction) {
		this.store = store;
		this.events = events;
		this.sides = sides;
		this.region = region;
		this.transaction = transaction;
	}

	/** One problem: the field (null for the body) and what to change. */
	public record Problem(String field, String detail) {
	}

	/** A body that cannot be stored as it is. */
	public static class InvalidException extends RuntimeException {

		private final List<Problem> problems;

		public InvalidException(List<Problem> problems) {
			super(problems.size() + (problems.size() == 1 ? " problem" : " problems")
					+ " in the assessment; nothing was stored");
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return problems;
		}

	}

	/** The write was made to a version that is no longer the stored one. */
	public static class StaleException extends RuntimeException {

		private final Assessment current;

		StaleException(Assessment current, int expected) {
			super("the assessment '" + current.id() + "' is at version " + current.version() + ", saved "
					+ current.updatedAt() + "; this change was made to version " + expected
					+ ". Load the current version, redo the change and save again");
			this.current = current;
		}

		public Assessment current() {
			return current;
		}

	}

	/** The write does not fit the stored state: the id is taken, or the assessment is archived. */
	public static class ConflictException extends RuntimeException {

		ConflictException(String message) {
			super(message);
		}

	}

	public Assessment create(String body, String user) {
		Assessment input = parse(body, null);
		return transaction.execute(status -> {
			String id = input.id() != null ? input.id() : freeId(input);
			if (store.findById(id).isPresent()) {
				throw new ConflictException("an assessment with the id '" + id + "' exists; PUT "
						+ "/api/territory/assessments/" + id + " changes it, or leave id out to get a new one");
			}
			Assessment a = input.withId(id);
			return store.insert(a, ORIGIN, hash(a), user);
		});
	}

	/** Replaces an assessment, if it is still at {@code expectedVersion} (null: whatever it is). */
	public Assessment replace(String id, String body, Integer expectedVersion, String user) {
		Assessment input = parse(body, id);
		Assessment before = current(id, expectedVersion);
		if ("archived".equals(before.status())) {
			throw new ConflictException("the assessment '" + id + "' is archived; POST /api/territory/assessments/"
					+ id + "/restore brings it back, then change it");
		}
		return write(before, input.withId(id), user, EventChange.UPDATED, null);
	}

	/** Takes it off the territory; its history stays. */
	public Assessment archive(String id, Integer expectedVersion, String user) {
		Assessment before = current(id, expectedVersion);
		return "archived".equals(before.status()) ? before
				: write(before, before.withStatus("archived"), user, EventChange.ARCHIVED, null);
	}

	/** Back as it was at {@code version}, or out of the archive as a draft when {@code version} is null. */
	public Assessment restore(String id, Integer version, Integer expectedVersion, String user) {
		Assessment before = current(id, expectedVersion);
		if (version == null) {
			return "archived".equals(before.status()) ? write(before, before.withStatus("draft"), user, EventChange.RESTORED, null)
					: before;
		}
		AssessmentRepository.Version old = store.versions(id).stream().filter(v -> v.version() == version).findFirst()
			.orElseThrow(() -> new NotFoundException("the assessment '" + id + "' has no version " + version
					+ "; its versions are 1 to " + before.version()));
		Assessment then = fromStoredFeature(old.feature());
		String status = "archived".equals(then.status()) ? "draft" : then.status();
		return write(before, then.withId(id).withStatus(status), user, EventChange.RESTORED, version);
	}

	public Assessment get(String id) {
		return store.findById(id).orElseThrow(() -> new NotFoundException("no assessment has the id '" + id + "'"));
	}

	private Assessment write(Assessment before, Assessment after, String user, String change, Integer restoredFrom) {
		Assessment draft = after.withVersion(before.version(), before.createdAt(), before.updatedAt());
		try {
			return transaction.execute(status -> store.update(draft, ORIGIN, hash(draft), user, change, restoredFrom));
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleException(store.findById(before.id()).orElse(before), before.version());
		}
	}

	private Assessment current(String id, Integer expectedVersion) {
		Assessment current = get(id);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleException(current, expectedVersion);
		}
		return current;
	}

	private String freeId(Assessment input) {
		String id;
		do {
			id = input.side() + "-" + input.validFrom() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
		}
		while (store.findById(id).isPresent());
		return id;
	}

	/** A hash of what was written (the feature without its version and times). */
	static String hash(Assessment a) {
		var f = a.withVersion(0, null, null).feature();
		return EventJson.sha256(EventJson.MAPPER.writeValueAsString(f));
	}

	private Assessment fromStoredFeature(String feature) {
		return check(EventJson.MAPPER.readTree(feature), null, Set.of("draft", "published", "archived"), "the stored version");
	}

	private Assessment parse(String body, String pathId) {
		JsonNode root;
		try {
			root = EventJson.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidException(List.of(new Problem(null, "not valid JSON: " + ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " (line " + ex.getLocation().getLineNr() + ", column "
							+ ex.getLocation().getColumnNr() + ")"))));
		}
		return check(root, pathId, WRITABLE_STATUSES, "the body");
	}

	/**
	 * A GeoJSON Feature as an assessment, every field checked.
	 * @throws InvalidException naming every problem found
	 */
	Assessment check(JsonNode root, String pathId, Set<String> statuses, String what) {
		var problems = new ArrayList<Problem>();
		if (root == null || !root.isObject() || !"Feature".equals(root.path("type").asString(""))) {
			throw new InvalidException(List.of(new Problem(null, what + " must be a GeoJSON Feature: "
					+ "{\"type\": \"Feature\", \"geometry\": {...}, \"properties\": {\"side\": ..., \"valid_from\": ...}}")));
		}
		JsonNode p = root.path("properties");
		String id = root.path("id").isString() ? root.path("id").asString() : null;
		if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}")) {
			problems.add(new Problem("id", "letters, digits, '.', '_' and '-' only, at most 200, not '" + id + "'"));
		}
		if (pathId != null && id != null && !id.equals(pathId)) {
			problems.add(new Problem("id", "'" + id + "' differs from the address's '" + pathId + "'; ids do not change"));
		}
		String side = text(p, "side", problems);
		Set<String> known = sides.ids(); // read from seeds/sides.yaml: once per body
		String oneOf = "one of " + String.join(", ", known.stream().sorted().toList());
		if (side == null) {
			problems.add(new Problem("side", "required: " + oneOf));
		}
		else if (!known.contains(side)) {
			problems.add(new Problem("side", "'" + side + "' is not a side; " + oneOf));
		}
		LocalDate from = date(p, "valid_from", true, problems);
		LocalDate to = date(p, "valid_to", false, problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new Problem("valid_to", to + " is before valid_from " + from));
		}
		String confidence = text(p, "confidence", problems);
		if (!Assessment.CONFIDENCES.contains(confidence)) {
			problems.add(new Problem("confidence", "required: high, medium or low"
					+ (confidence == null ? "" : ", not '" + confidence + "'")));
		}
		String note = text(p, "note", problems);
		String status = p.has("status") ? text(p, "status", problems) : "draft";
		if (status != null && !statuses.contains(status)) {
			problems.add(new Problem("status", "draft or published, not '" + status + "' (DELETE archives)"));
		}
		List<String> sourceList = strings(p, "sources", problems);
		List<String> evidence = strings(p, "evidence", problems);
		for (String eventId : evidence) {
			if (events.findById(eventId).isEmpty()) {
				problems.add(new Problem("evidence", "no event has the id '" + eventId + "'"));
			}
		}
		MultiPolygon area = area(root.path("geometry"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidException(problems);
		}
		return new Assessment(id, side, from, to, area, confidence, note == null ? "" : note, sourceList, evidence,
				status, 0, null, null);
	}

	/** The geometry, ring order repaired; a problem for anything else that is wrong with it. */
	private MultiPolygon area(JsonNode geometry, List<Problem> problems) {
		if (geometry.isMissingNode() || geometry.isNull()) {
			problems.add(new Problem("geometry", "required: a Polygon or MultiPolygon in lon, lat (WGS 84)"));
			return null;
		}
		Geometry g;
		try {
			g = GeoJson.polygonal(geometry, "geometry");
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("geometry", ex.getMessage().replaceFirst("^geometry: ", "")));
			return null;
		}
		if (g.isEmpty()) {
			problems.add(new Problem("geometry", "is empty: draw at least one polygon"));
			return null;
		}
		if (g.getNumPoints() > MAX_VERTICES) {
			problems.add(new Problem("geometry", "has " + g.getNumPoints() + " vertices, more than the "
					+ MAX_VERTICES + " taken: simplify it (the data are good to a kilometre)"));
			return null;
		}
		// each polygon must be valid; polygons that overlap or touch are joined (a curator adds to an area
		// by drawing over its edge), which a MultiPolygon's rules alone would refuse
		TopologyValidationError error = null;
		for (int i = 0; i < g.getNumGeometries() && error == null; i++) {
			error = new IsValidOp(g.getGeometryN(i)).getValidationError();
		}
		if (error == null && !g.isValid()) {
			g = UnaryUnionOp.union(g);
		}
		if (error != null) {
			Coordinate at = error.getCoordinate();
			problems.add(new Problem("geometry", error.getMessage().toLowerCase(java.util.Locale.ROOT)
					+ (at == null ? "" : String.format(java.util.Locale.ROOT, " at lon %.5f, lat %.5f", at.x, at.y))
					+ ": redraw that part"));
			return null;
		}
		if (!region.bbox().contains(g.getEnvelopeInternal())) {
			problems.add(new Problem("geometry", "reaches outside the region (" + region + "): its box is "
					+ box(g) + "; draw inside the region"));
			return null;
		}
		g.normalize(); // ring order repaired: GeoJson writes exteriors counter-clockwise
		if (g instanceof Polygon polygon) {
			return g.getFactory().createMultiPolygon(new Polygon[] { polygon });
		}
		if (!(g instanceof MultiPolygon multi)) {
			problems.add(new Problem("geometry", "its polygons join into no area: draw at least one polygon"));
			return null;
		}
		return multi;
	}

	private static String box(Geometry g) {
		var e = g.getEnvelopeInternal();
		return String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
	}

	private static String text(JsonNode p, String field, List<Problem> problems) {
		JsonNode v = p.path(field);
		if (v.isMissingNode() || v.isNull()) {
			return null;
		}
		if (!v.isString()) {
			problems.add(new Problem(field, "must be text"));
			return null;
		}
		String unsafe = EventText.unsafe(v.asString());
		if (unsafe != null) {
			problems.add(new Problem(field, unsafe));
			return null;
		}
		return v.asString();
	}

	private static LocalDate date(JsonNode p, String field, boolean required, List<Problem> problems) {
		String value = text(p, field, problems);
		if (value == null) {
			if (required) {
				problems.add(new Problem(field, "required: the day, like 2024-11-30"));
			}
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value);
			String outside = EventDates.outside(day);
			if (outside != null) {
				problems.add(new Problem(field, outside));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem(field, "must be an ISO date like 2024-11-30, not '" + value + "'"));
			return null;
		}
	}

	private static List<String> strings(JsonNode p, String field, List<Problem> problems) {
		JsonNode v = p.path(field);
		if (v.isMissingNode() || v.isNull()) {
			return List.of();
		}
		var out = new ArrayList<String>();
		if (!v.isArray()) {
			problems.add(new Problem(field, "must be a list of text"));
			return out;
		}
		for (JsonNode item : v) {
			String unsafe = item.isString() ? EventText.unsafe(item.asString()) : "must be text";
			if (unsafe != null) {
				problems.add(new Problem(field, "item " + (out.size() + 1) + " " + unsafe));
				return out;
			}
			out.add(item.asString());
		}
		return out;
	}

}
