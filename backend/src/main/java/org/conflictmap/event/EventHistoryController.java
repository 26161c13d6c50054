package org.conflictmap.event;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What happened to the events: each event's versions with who, when and what changed, and a feed of
 * every write since a point in time for mirrors and scripts.
 */
@RestController
class EventHistoryController {

	static final int DEFAULT_CHANGES = 1_000;

	static final int MAX_CHANGES = 10_000;

	/** Bounds both databases store: a since outside them is a typing mistake. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	/** Bookkeeping that changes with every version, and values derived from other fields: not worth a diff line. */
	private static final Set<String> NOT_DIFFED = Set.of("version", "created_at", "updated_at", "claim_status",
			"geocode_score", "geocode_explanation", "geocode_alternatives");

	private final EventRepository events;

	EventHistoryController(EventRepository events) {
		this.events = events;
	}

	/**
	 * Every version of the event, newest first, each with the fields it changed (from, to). Readers without
	 * a login see the published versions of published events and the changes between them; curators see
	 * every version of every event.
	 */
	@GetMapping("/api/events/{id}/history")
	ResponseEntity<Map<String, Object>> history(@PathVariable String id, HttpServletRequest request, Principal curator) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Event current = events.findById(id)
			.filter(e -> curator != null || "published".equals(e.status()))
			.orElseThrow(() -> new NotFoundException("no published event has the id '" + id + "'"));
		List<EventChange> versions = events.versions(id);
		List<String> features = events.featureHistory(id);
		var out = new ArrayList<Map<String, Object>>();
		// the public sees published versions only, each compared with the published one before it:
		// a draft's words (a source's name, say) never reach them, not even as a diff's "from"
		String previous = null;
		for (int i = 0; i < versions.size(); i++) {
			EventChange v = versions.get(i);
			if (curator == null && !"published".equals(v.status())) {
				continue;
			}
			var entry = new LinkedHashMap<String, Object>();
			entry.put("version", v.version());
			entry.put("change", v.change());
			entry.put("status", v.status());
			entry.put("written_at", v.at());
			entry.put("written_by", v.by());
			entry.put("restored_from", v.restoredFrom());
			entry.put("changes", previous == null ? List.of() : FeatureDiff.between(previous, features.get(i), NOT_DIFFED));
			out.add(0, entry);
			previous = features.get(i);
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("id", id);
		body.put("current_version", current.version());
		body.put("versions", out);
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
	}

	/**
	 * Every write since {@code since} (inclusive), oldest first, in pages of {@code limit}; {@code next} is
	 * the next page's address while there may be more. Readers without a login see the writes that
	 * concern published events: published versions, and those that took an event off the map.
	 */
	@GetMapping("/api/changes")
	ResponseEntity<Map<String, Object>> changes(HttpServletRequest request, Principal curator) {
		Map<String, String[]> params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("since", "limit", "after"));
		String sinceText = Parameters.single(params, "since");
		if (sinceText == null) {
			throw new BadRequestException("since", "since is required: an ISO instant like 2024-12-01T00:00:00Z "
					+ "(use 1970-01-01T00:00:00Z for everything)");
		}
		Instant since;
		try {
			since = Instant.parse(sinceText);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("since", "since must be an ISO instant in UTC like 2024-12-01T00:00:00Z, not '"
					+ sinceText + "'");
		}
		if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
			throw new BadRequestException("since", "since must lie between " + EARLIEST + " and " + LATEST);
		}
		int limit = limit(Parameters.single(params, "limit"));
		EventChange after = cursor(Parameters.single(params, "after"));
		List<EventChange> page = events.changes(since, after, curator == null, limit + 1);
		boolean more = page.size() > limit;
		List<EventChange> shown = more ? page.subList(0, limit) : page;
		var body = new LinkedHashMap<String, Object>();
		body.put("since", since);
		body.put("changes", shown);
		body.put("next", more ? UriComponentsBuilder.fromPath("/api/changes")
			.queryParam("since", since)
			.queryParam("limit", limit)
			.queryParam("after", cursor(shown.get(shown.size() - 1)))
			.build()
			.toUriString() : null);
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
	}


	private static int limit(String value) {
		if (value == null) {
			return DEFAULT_CHANGES;
		}
		try {
			int n = Integer.parseInt(value);
			if (n >= 1) {
				return Math.min(n, MAX_CHANGES);
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		throw new BadRequestException("limit", "limit must be a whole number of at least 1 (at most " + MAX_CHANGES
				+ " are returned), not '" + value + "'");
	}

	/** The position after {@code c}: its time, version and id, opaque to clients. */
	private static String cursor(EventChange c) {
		String raw = c.at().toEpochMilli() + ":" + c.version() + ":" + c.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static EventChange cursor(String value) {
		if (value == null) {
			return null;
		}
		String problem = "after must be copied from a previous page's next link, not '" + value + "'";
		try {
			String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			String[] parts = raw.split(":", 3);
			if (parts.length != 3) {
				throw new BadRequestException("after", problem);
			}
			return new EventChange(parts[2], Integer.parseInt(parts[1]), null, null,
					Instant.ofEpochMilli(Long.parseLong(parts[0])), null, null);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw new BadRequestException("after", problem);
		}
	}

}
