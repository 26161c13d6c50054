package org.conflictmap.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.system.NotFoundException;
import org.conflictmap.system.Parameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sides of the conflict as seeds/sides.yaml declares them, so the map draws each side's territory in
 * the colour the curators chose instead of a copy of it.
 */
@RestController
class SideController {

	private final Path sidesFile;

	SideController(@Value("${conflictmap.seeds-dir}") Path seedsDir) {
		this.sidesFile = seedsDir.resolve(SeedImporter.SIDES_FILE);
	}

	/** Read per request: the file is a few lines, and an edit shows without a restart. */
	@GetMapping("/api/sides")
	List<Side> sides(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		if (!Files.isRegularFile(sidesFile)) {
			throw new NotFoundException("no sides are declared: " + sidesFile + " is missing");
		}
		var problems = new Problems();
		List<Side> sides = new SeedParser(problems).sides(sidesFile);
		problems.throwIfAny();
		return sides;
	}

}
