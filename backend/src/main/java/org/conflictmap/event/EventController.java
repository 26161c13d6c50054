package org.conflictmap.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Events as GeoJSON: the map's data and anyone else's. */
@RestController
class EventController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	/** Enough for a filter list; the rest are found by typing. */
	static final int MAX_ACTORS = 200;

	private final EventRepository events;

	private final EventCounts counts;

	/** The most clusters one answer holds (conflictmap.load.max-clusters). */
	private final int maxClusters;

	EventController(EventRepository events, EventCounts counts,
			@Value("${conflictmap.load.max-clusters:10000}") int maxClusters) {
		this.events = events;
		this.counts = counts;
		this.maxClusters = maxClusters;
	}

	/**
	 * A FeatureCollection of the published events that match; streamed, so the answer's size does not
	 * decide the server's memory.
	 */
	@GetMapping("/api/events")
	void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
		EventQuery query = EventQuery.fromParameters(request.getParameterMap());
		response.setContentType(GEO_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		EventJson.writeFeatureCollection(response.getOutputStream(), Map.of(),
				json -> events.writeFeaturesCounted(query, EventRepository.PUBLISHED, json));
	}

	/**
	 * The published events that match the same filters as {@code /api/events} (paging aside), counted per
	 * cell of a grid of {@value EventClusters#CELL_PIXELS}-pixel squares at the map's {@code zoom}: a
	 * FeatureCollection of one point per non-empty cell (where its events lie on average) with the count,
	 * the count per type and the box around them. {@code numberMatched} is the sum of the counts, the
	 * number {@code /api/events} reports for the same filters.
	 */
	@GetMapping("/api/events/clusters")
	ResponseEntity<Map<String, Object>> clusters(HttpServletRequest request) {
		var params = new java.util.HashMap<>(request.getParameterMap());
		String[] zoomValues = params.remove("zoom");
		Parameters.requireOnly(params, EventQuery.FILTERS, EventQuery.REPEATABLE);
		int zoom = zoom(zoomValues);
		EventClusters clusters = counts.clusters(EventQuery.fromParameters(params), zoom);
		if (clusters.clusters().size() > maxClusters) {
			// a map view holds a few thousand cells at most (10,000 is a 6,000-pixel square); more is an export
			throw new BadRequestException("zoom", "these filters at zoom " + zoom + " make "
					+ clusters.clusters().size() + " clusters, more than the " + maxClusters
					+ " answered at once: give a smaller bbox or a lower zoom");
		}
		var features = new java.util.ArrayList<Map<String, Object>>(clusters.clusters().size());
		for (var c : clusters.clusters()) {
			var properties = new java.util.LinkedHashMap<String, Object>();
			properties.put("count", c.count());
			properties.put("by_type", c.byType());
			properties.put("bbox", c.bbox());
			var feature = new java.util.LinkedHashMap<String, Object>();
			feature.put("type", "Feature");
			feature.put("id", c.id());
			feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(c.lon(), c.lat())));
			feature.put("properties", properties);
			features.add(feature);
		}
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("type", "FeatureCollection");
		body.put("zoom", clusters.zoom());
		body.put("cell_pixels", clusters.cellPixels());
		body.put("numberMatched", clusters.matched());
		body.put("features", features);
		return ResponseEntity.ok().contentType(GEO_JSON).body(body);
	}

	private static int zoom(String[] values) {
		String expected = "zoom is the map's zoom level, a whole number from 0 to " + EventClusters.MAX_ZOOM;
		if (values == null || values.length == 0 || values[0].isBlank()) {
			throw new BadRequestException("zoom", expected + "; it is required");
		}
		if (values.length > 1) {
			throw new BadRequestException("zoom", "zoom is given " + values.length + " times; give it once");
		}
		String value = values[0].strip();
		if (!value.matches("\\d{1,2}") || Integer.parseInt(value) > EventClusters.MAX_ZOOM) {
			throw new BadRequestException("zoom", expected + ", not '" + value + "'");
		}
		return Integer.parseInt(value);
	}

	/**
	 * Counts of the published events that match the same filters as {@code /api/events} (no paging): per
	 * start day and type for the timeline, per type and claim status for the legend, and the actors most
	 * often named for the actor filter.
	 */
	@GetMapping("/api/stats")
	EventStats stats(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), EventQuery.FILTERS, EventQuery.REPEATABLE);
		return counts.stats(EventQuery.fromParameters(request.getParameterMap()), MAX_ACTORS);
	}

	/**
	 * One event as a GeoJSON Feature, its version as the ETag (a write's If-Match). Readers without a login
	 * see published events only; curators see drafts and archived events too.
	 */
	@GetMapping("/api/events/{id}")
	ResponseEntity<byte[]> one(@PathVariable String id, HttpServletRequest request, Principal curator) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Event event = events.findById(id)
			.filter(e -> curator != null || "published".equals(e.status()))
			.orElseThrow(() -> new NotFoundException("no published event has the id '" + id + "'"));
		var response = ResponseEntity.ok().eTag(EventTags.of(event)).cacheControl(CacheControl.noCache());
		if (EventTags.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), event)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(EventTags.of(event)).build();
		}
		return response.contentType(GEO_JSON).body(EventJson.featureString(event).getBytes(StandardCharsets.UTF_8));
	}

	/** The words events are written in, for forms: event types with their sub-types, claim and curation statuses. */
	@GetMapping("/api/vocabulary")
	ResponseEntity<Map<String, Object>> vocabulary(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("event_types", EventVocabulary.EVENT_TYPES);
		body.put("claim_statuses", EventVocabulary.CLAIM_STATUSES);
		body.put("curation_statuses", EventVocabulary.CURATION_STATUSES);
		body.put("time_precisions", Map.of("1", "day known", "2", "week known", "3", "month known"));
		body.put("control_changes", List.of("gained", "lost"));
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(body);
	}

	/**
	 * For curators: the events in the given curation statuses ({@code curation=draft&curation=published},
	 * all three when absent) with the same filters and paging as {@code /api/events}.
	 */
	@GetMapping("/api/curator/events")
	void curatorList(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var params = new java.util.HashMap<>(request.getParameterMap());
		String[] wanted = params.remove("curation");
		Set<String> curation = new java.util.LinkedHashSet<>();
		for (String value : wanted == null ? new String[0] : wanted) {
			if (!EventVocabulary.CURATION_STATUSES.contains(value)) {
				throw new BadRequestException("curation", "curation '" + value + "' is not one of "
						+ String.join(", ", EventVocabulary.CURATION_STATUSES));
			}
			curation.add(value);
		}
		if (curation.isEmpty()) {
			curation.addAll(EventVocabulary.CURATION_STATUSES);
		}
		EventQuery query = EventQuery.fromParameters(params);
		response.setContentType(GEO_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		EventJson.writeFeatureCollection(response.getOutputStream(), Map.of(),
				json -> events.writeFeaturesCounted(query, curation, json));
	}

}
