package org.conflictmap.territory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.EventDates;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Control areas, contested areas and the front line for a day, and the days on which they change. */
@RestController
class TerritoryController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final TerritoryService frontlines;

	TerritoryController(TerritoryService frontlines) {
		this.frontlines = frontlines;
	}

	@GetMapping("/api/frontlines")
	ResponseEntity<byte[]> onDate(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of("date"));
		String value = Parameters.single(request.getParameterMap(), "date");
		if (value == null) {
			throw new BadRequestException("date", "date is required: an ISO date like 2024-12-05");
		}
		LocalDate date = EventDates.parameter("date", value);
		TerritoryService.Published published = frontlines.on(date);
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (published.etag().equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(published.etag()).build();
		}
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.eTag(published.etag())
			.cacheControl(CacheControl.noCache())
			.body(published.body());
	}

	/** What each side gained and lost between two days ({@code from} before {@code to}). */
	@GetMapping("/api/frontlines/changes")
	ResponseEntity<Map<String, Object>> movement(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of("from", "to"));
		return ResponseEntity.ok().contentType(GEO_JSON).body(frontlines.movement(request.getParameterMap()).toGeoJson());
	}

	@GetMapping("/api/frontlines/dates")
	Map<String, List<String>> dates(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return Map.of("dates", frontlines.dates().stream().map(LocalDate::toString).toList());
	}

}
