package org.conflictmap.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.system.NotFoundException;
import org.conflictmap.system.Parameters;
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

	EventController(EventRepository events) {
		this.events = events;
	}

	/**
	 * A FeatureCollection of the published events that match; streamed, so the answer's size does not
	 * decide the server's memory.
	 */
	@GetMapping("/api/events")
	void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
		EventQuery query = EventQuery.fromParameters(request.getParameterMap());
		long matched = events.count(query);
		response.setContentType(GEO_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		EventJson.writeCollection(response.getOutputStream(), matched, sink -> events.forEach(query, sink));
	}

	/**
	 * Counts of the published events that match the same filters as {@code /api/events} (no paging): per
	 * start day and type for the timeline, per type and claim status for the legend, and the actors most
	 * often named for the actor filter.
	 */
	@GetMapping("/api/stats")
	EventStats stats(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), EventQuery.FILTERS, EventQuery.REPEATABLE);
		return events.stats(EventQuery.fromParameters(request.getParameterMap()), MAX_ACTORS);
	}

	/** One published event as a GeoJSON Feature. */
	@GetMapping("/api/events/{id}")
	ResponseEntity<byte[]> one(@PathVariable String id, HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Event event = events.findById(id)
			.filter(e -> "published".equals(e.status()))
			.orElseThrow(() -> new NotFoundException("no published event has the id '" + id + "'"));
		return ResponseEntity.ok().contentType(GEO_JSON).body(EventJson.featureString(event).getBytes(StandardCharsets.UTF_8));
	}

}
