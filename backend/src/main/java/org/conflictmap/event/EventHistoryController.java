package org.conflictmap.event;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happened to an event: its versions with who, when and what changed ({@code /api/changes} is the
 * feed of every write, in {@code org.conflictmap.changes}).
 */
@RestController
class EventHistoryController {

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

}
