package org.conflictmap.territory;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.BodyTooLargeException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.errors.PreconditionRequiredException;
import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventTags;
import org.conflictmap.event.FeatureDiff;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Territory assessments over HTTP: published ones for everyone, drafts and archived ones and every write
 * for curators. A single assessment's ETag is its version; a write sends it back in {@code If-Match}.
 */
@RestController
class AssessmentController {

	static final String PATH = "/api/territory/assessments";

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	/** Bookkeeping that changes with every version: not worth a line of a diff. */
	private static final Set<String> NOT_DIFFED = Set.of("version", "created_at", "updated_at");

	private final Assessments assessments;

	private final AssessmentRepository store;

	AssessmentController(Assessments assessments, AssessmentRepository store) {
		this.assessments = assessments;
		this.store = store;
	}

	/**
	 * A FeatureCollection of the assessments that hold on {@code date} (all days when absent), of
	 * {@code side}, in {@code status} (published unless a curator asks for draft or archived ones).
	 */
	@GetMapping(PATH)
	ResponseEntity<Map<String, Object>> list(HttpServletRequest request, Principal curator) {
		var params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("date", "side", "status"));
		String date = Parameters.single(params, "date");
		String status = Parameters.single(params, "status");
		Set<String> statuses = status == null ? Set.of("published") : Set.of(status.split(","));
		for (String s : statuses) {
			if (!Set.of("draft", "published", "archived").contains(s)) {
				throw new BadRequestException("status", "status takes draft, published or archived, not '" + s + "'");
			}
		}
		if (curator == null && !statuses.equals(Set.of("published"))) {
			throw new BadRequestException("status", "only published assessments are public; log in to see drafts "
					+ "and archived ones");
		}
		List<Assessment> found = store.list(statuses, Parameters.single(params, "side"),
				date == null ? null : EventDates.parameter("date", date));
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "FeatureCollection");
		body.put("features", found.stream().map(Assessment::feature).toList());
		return ResponseEntity.ok().contentType(GEO_JSON).body(body);
	}

	@GetMapping(PATH + "/{id}")
	ResponseEntity<Map<String, Object>> one(@PathVariable String id, HttpServletRequest request, Principal curator) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Assessment a = assessments.get(id);
		if (curator == null && !"published".equals(a.status())) {
			throw new NotFoundException("no assessment has the id '" + id + "'");
		}
		return feature(ResponseEntity.ok(), a);
	}

	/**
	 * Every version, oldest first, each with the fields it changed and the feature as it was then; the
	 * public sees published versions only.
	 */
	@GetMapping(PATH + "/{id}/history")
	Map<String, Object> history(@PathVariable String id, HttpServletRequest request, Principal curator) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Assessment a = assessments.get(id);
		var versions = new java.util.ArrayList<Map<String, Object>>();
		String previous = null;
		for (AssessmentRepository.Version v : store.versions(id)) {
			if (curator != null || "published".equals(v.status())) {
				var m = new LinkedHashMap<String, Object>();
				m.put("version", v.version());
				m.put("change", v.change());
				m.put("status", v.status());
				m.put("written_at", v.writtenAt().toString());
				m.put("written_by", curator == null ? null : v.writtenBy());
				m.put("restored_from", v.restoredFrom());
				// what changed since the version shown before it (the readers' previous one, for the public)
				m.put("changes", previous == null ? List.of() : FeatureDiff.between(previous, v.feature(), NOT_DIFFED));
				m.put("feature", EventJson.MAPPER.readTree(v.feature()));
				versions.add(m);
				previous = v.feature();
			}
		}
		if (versions.isEmpty()) {
			throw new NotFoundException("no assessment has the id '" + id + "'");
		}
		return Map.of("id", a.id(), "versions", versions);
	}

	@PostMapping(path = PATH, consumes = { MediaType.APPLICATION_JSON_VALUE, "application/geo+json" })
	ResponseEntity<Map<String, Object>> create(HttpServletRequest request, Principal curator) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		Assessment a = assessments.create(body(request), curator.getName());
		return feature(ResponseEntity.created(URI.create(PATH + "/" + a.id())), a);
	}

	/** Replaces it; {@code If-Match} with the ETag of the version the change was made to is required. */
	@PutMapping(path = PATH + "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/geo+json" })
	ResponseEntity<Map<String, Object>> replace(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Principal curator) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		if (ifMatch == null) {
			throw new PreconditionRequiredException("GET " + PATH + "/{id}");
		}
		return feature(ResponseEntity.ok(), assessments.replace(id, body(request),
				EventTags.expectedVersion(ifMatch), curator.getName()));
	}

	/** Archives it: off the territory, kept in the history. {@code If-Match} optional. */
	@DeleteMapping(PATH + "/{id}")
	ResponseEntity<Map<String, Object>> archive(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Principal curator) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return feature(ResponseEntity.ok(), assessments.archive(id, expected(ifMatch), curator.getName()));
	}

	/** Out of the archive (as a draft), or back to an earlier {@code version}; either way a new version. */
	@PostMapping(PATH + "/{id}/restore")
	ResponseEntity<Map<String, Object>> restore(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request,
			Principal curator) {
		var params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("version"));
		String value = Parameters.single(params, "version");
		if (value != null && !value.matches("[1-9]\\d{0,8}")) {
			throw new BadRequestException("version", "version must be a version number from the history (1, 2, ...), not '"
					+ value + "'");
		}
		return feature(ResponseEntity.ok(), assessments.restore(id, value == null ? null : Integer.valueOf(value),
				expected(ifMatch), curator.getName()));
	}

	/** An assessment of 50,000 vertices weighs about 1.3 MB as GeoJSON. */
	static final int MAX_BODY_BYTES = 4 << 20;

	private static String body(HttpServletRequest request) throws IOException {
		return BodyTooLargeException.readUtf8AtMost(request.getInputStream(), MAX_BODY_BYTES,
				"an assessment of " + Assessments.MAX_VERTICES + " vertices is about 1.3 MB",
				() -> new Assessments.InvalidException(List.of(new Assessments.Problem(null,
						"not valid UTF-8: send the JSON encoded as UTF-8"))));
	}

	private static Integer expected(String ifMatch) {
		return ifMatch == null ? null : EventTags.expectedVersion(ifMatch);
	}

	private static ResponseEntity<Map<String, Object>> feature(ResponseEntity.BodyBuilder builder, Assessment a) {
		return builder.eTag("\"" + a.version() + "\"").contentType(GEO_JSON).body(a.feature());
	}

	@ExceptionHandler(Assessments.InvalidException.class)
	ProblemDetail invalid(Assessments.InvalidException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage() + ": "
				+ String.join("; ", ex.problems().stream()
					.map(p -> (p.field() == null ? "" : p.field() + ": ") + p.detail()).toList()));
		problem.setTitle("Invalid assessment");
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler(Assessments.StaleException.class)
	ResponseEntity<ProblemDetail> stale(Assessments.StaleException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setTitle("Someone else saved first");
		problem.setProperty("current_version", ex.current().version());
		problem.setProperty("updated_at", ex.current().updatedAt().toString());
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + ex.current().version() + "\"")
			.body(problem);
	}

	@ExceptionHandler(Assessments.ConflictException.class)
	ProblemDetail conflict(Assessments.ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		return problem;
	}

}
