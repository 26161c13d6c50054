package org.conflictmap.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.BodyTooLargeException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.errors.PreconditionRequiredException;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventTags;
import org.conflictmap.geocode.CandidateJson;
import org.conflictmap.geocode.PlacementException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API for curators (every route here needs a login, see SecurityConfig). Bodies are JSON with
 * the GeoJSON properties' field names; answers are the event as a GeoJSON Feature with its version as
 * the ETag.
 */
@RestController
class EventWriteController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	/** An event is a few kilobytes; a megabyte is a mistake or an attack. */
	static final int MAX_BODY_BYTES = 1 << 20;

	private final EventWrites writes;

	EventWriteController(EventWrites writes) {
		this.writes = writes;
	}

	@PostMapping(path = "/api/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> create(HttpServletRequest request, Principal curator) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Event event = writes.create(body(request), curator.getName());
		return feature(ResponseEntity.created(URI.create("/api/events/" + event.id())), event);
	}

	/** Replaces the event; {@code If-Match} with the ETag of the version the change was made to is required. */
	@PutMapping(path = "/api/events/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> replace(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Principal curator) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		if (ifMatch == null) {
			throw new PreconditionRequiredException("GET /api/events/{id}");
		}
		Integer expected = EventTags.expectedVersion(ifMatch);
		return feature(ResponseEntity.ok(), writes.replace(id, body(request), expected, curator.getName()).event());
	}

	/** Archives the event: off the map and the exports, kept in the history. {@code If-Match} optional. */
	@DeleteMapping("/api/events/{id}")
	ResponseEntity<byte[]> archive(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Principal curator) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Integer expected = ifMatch == null ? null : EventTags.expectedVersion(ifMatch);
		return feature(ResponseEntity.ok(), writes.archive(id, expected, curator.getName()).event());
	}

	/**
	 * Out of the archive ({@code version} absent), or back to an earlier version ({@code version=N}); either
	 * way a new version. {@code If-Match} optional.
	 */
	@PostMapping("/api/events/{id}/restore")
	ResponseEntity<byte[]> restore(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Principal curator) {
		Map<String, String[]> params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("version"));
		Integer version = null;
		String value = Parameters.single(params, "version");
		if (value != null) {
			if (!value.matches("[1-9]\\d{0,8}")) {
				throw new BadRequestException("version", "version must be a version number from the history (1, 2, ...), not '" + value + "'");
			}
			version = Integer.valueOf(value);
		}
		Integer expected = ifMatch == null ? null : EventTags.expectedVersion(ifMatch);
		return feature(ResponseEntity.ok(), writes.restore(id, version, expected, curator.getName()).event());
	}

	@ExceptionHandler(EventWrites.InvalidEventException.class)
	ProblemDetail invalid(EventWrites.InvalidEventException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid event");
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler(PlacementException.class)
	ProblemDetail unplaceable(PlacementException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage()
			.replace("Add a place: with gazetteer_id, or lat, lon and geo_precision",
					"Pin it: \"place\": {\"gazetteer_id\": ..., \"geo_precision\": ...} or {\"lat\": ..., \"lon\": ..., \"geo_precision\": ...}"));
		problem.setTitle("Place not resolved");
		problem.setProperty("field", "place_text");
		problem.setProperty("candidates", ex.candidates().stream().map(c -> CandidateJson.of(c.place(), c.score())).toList());
		return problem;
	}

	@ExceptionHandler(EventWrites.StaleVersionException.class)
	ResponseEntity<ProblemDetail> stale(EventWrites.StaleVersionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setTitle("Someone else saved first");
		Event current = ex.current();
		problem.setProperty("current_version", current.version());
		problem.setProperty("updated_at", current.updatedAt().toString());
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(EventTags.of(current)).body(problem);
	}

	@ExceptionHandler(EventWrites.WriteConflictException.class)
	ProblemDetail conflict(EventWrites.WriteConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		return problem;
	}

	private static ResponseEntity<byte[]> feature(ResponseEntity.BodyBuilder response, Event event) {
		return response.eTag(EventTags.of(event))
			.contentType(GEO_JSON)
			.body(EventJson.featureString(event).getBytes(StandardCharsets.UTF_8));
	}

	/** The body as UTF-8 text, at most {@link #MAX_BODY_BYTES}. */
	private static String body(HttpServletRequest request) throws IOException {
		return BodyTooLargeException.readUtf8AtMost(request.getInputStream(), MAX_BODY_BYTES, "an event is a few KB",
				() -> new EventWrites.InvalidEventException(java.util.List.of(new Problems.Problem(EventWrites.BODY, 0,
						null, "not valid UTF-8: send JSON encoded as UTF-8"))));
	}

}
