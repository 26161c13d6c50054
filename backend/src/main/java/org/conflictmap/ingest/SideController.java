package org.conflictmap.ingest;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sides of the conflict as seeds/sides.yaml declares them, so the map draws each side's territory in
 * the colour the curators chose instead of a copy of it.
 */
@RestController
class SideController {

	private final Sides sides;

	SideController(Sides sides) {
		this.sides = sides;
	}

	@GetMapping("/api/sides")
	List<Side> sides(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		if (!sides.declared()) {
			throw new NotFoundException("no sides are declared: " + sides.file() + " is missing");
		}
		return sides.all();
	}

}
