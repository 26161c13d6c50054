package org.conflictmap.changes;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.ChangeFeed;
import org.conflictmap.event.EventChange;
import org.conflictmap.event.EventRepository;
import org.conflictmap.territory.AssessmentRepository;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/changes}: every write to events and territory assessments since a point in time, oldest
 * first, in pages, for mirrors and scripts. Each store reads its own versions table in feed order; the
 * pages merge them by (time, subject, id, version), and the {@code after} cursor carries all four.
 */
@RestController
class ChangesController {

	static final int DEFAULT_CHANGES = 1_000;

	static final int MAX_CHANGES = 10_000;

	static final String EVENT = "event";

	static final String ASSESSMENT = "assessment";

	/** Bounds both databases store: a since outside them is a typing mistake. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	/** One write in the feed: to what ({@code event} or {@code assessment}), which, and how. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Change(String subject, String id, int version, String change, String status, Instant at, String by,
			Integer restoredFrom) {

		static Change of(String subject, EventChange c) {
			return new Change(subject, c.id(), c.version(), c.change(), c.status(), c.at(), c.by(), c.restoredFrom());
		}

	}

	/**
	 * By time, then subject; a stable sort keeps each store's own order (id and version, in the database's
	 * collation, which is what its {@code after} comparison uses) within one subject and instant.
	 */
	private static final Comparator<Change> FEED_ORDER = Comparator.comparing(Change::at).thenComparing(Change::subject);

	private final EventRepository events;

	private final AssessmentRepository assessments;

	ChangesController(EventRepository events, AssessmentRepository assessments) {
		this.events = events;
		this.assessments = assessments;
	}

	/**
	 * Every write since {@code since} (inclusive) in pages of {@code limit}; {@code next} is the next page's
	 * address while there may be more. Readers without a login see the writes that concern published events
	 * and assessments: published versions, and those that took one off the map.
	 */
	@GetMapping("/api/changes")
	ResponseEntity<Map<String, Object>> changes(HttpServletRequest request, Principal curator) {
		Map<String, String[]> params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("since", "limit", "after"));
		Instant since = since(Parameters.single(params, "since"));
		int limit = limit(Parameters.single(params, "limit"));
		Change after = cursor(Parameters.single(params, "after"));
		boolean publicOnly = curator == null;

		var merged = new ArrayList<Change>();
		events.changes(start(since, after, EVENT), position(after, EVENT), publicOnly, limit + 1)
			.forEach(c -> merged.add(Change.of(EVENT, c)));
		assessments.changes(start(since, after, ASSESSMENT), position(after, ASSESSMENT), publicOnly, limit + 1)
			.forEach(c -> merged.add(Change.of(ASSESSMENT, c)));
		merged.sort(FEED_ORDER);
		boolean more = merged.size() > limit;
		List<Change> shown = more ? merged.subList(0, limit) : merged;

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

	/**
	 * Where one subject's writes resume after the cursor: after the cursor itself when it is one of them;
	 * after every write at its instant when the subject sorts before the cursor's (those were on earlier
	 * pages); from its instant, inclusive, when the subject sorts after it (see {@link #start}).
	 */
	static ChangeFeed.After position(Change after, String subject) {
		if (after == null) {
			return null;
		}
		int order = subject.compareTo(after.subject());
		if (order == 0) {
			return new ChangeFeed.After(after.at(), after.id(), after.version());
		}
		return order < 0 ? new ChangeFeed.After(after.at(), null, 0) : null;
	}

	static Instant start(Instant since, Change after, String subject) {
		return after != null && subject.compareTo(after.subject()) > 0 && after.at().isAfter(since) ? after.at() : since;
	}

	private static Instant since(String value) {
		if (value == null) {
			throw new BadRequestException("since", "since is required: an ISO instant like 2024-12-01T00:00:00Z "
					+ "(use 1970-01-01T00:00:00Z for everything)");
		}
		Instant since;
		try {
			since = Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("since", "since must be an ISO instant in UTC like 2024-12-01T00:00:00Z, not '"
					+ value + "'");
		}
		if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
			throw new BadRequestException("since", "since must lie between " + EARLIEST + " and " + LATEST);
		}
		return since;
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

	/** The position after {@code c}: its time, version, subject and id, opaque to clients. */
	static String cursor(Change c) {
		String raw = c.at().toEpochMilli() + ":" + c.version() + ":" + c.subject() + ":" + c.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static Change cursor(String value) {
		if (value == null) {
			return null;
		}
		String problem = "after must be copied from a previous page's next link, not '" + value + "'";
		try {
			String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			String[] parts = raw.split(":", 4);
			if (parts.length != 4 || !Set.of(EVENT, ASSESSMENT).contains(parts[2])) {
				throw new BadRequestException("after", problem);
			}
			return new Change(parts[2], parts[3], Integer.parseInt(parts[1]), null, null,
					Instant.ofEpochMilli(Long.parseLong(parts[0])), null, null);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw new BadRequestException("after", problem);
		}
	}

}
