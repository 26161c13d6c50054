package org.conflictmap.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sides of the conflict as seeds/sides.yaml declares them. Read on each use: the file is a few
 * lines, and an edit shows without a restart.
 */
@Component
public class Sides {

	private final Path file;

	public Sides(@Value("${conflictmap.seeds-dir}") Path seedsDir) {
		this.file = seedsDir.resolve(SeedImporter.SIDES_FILE);
	}

	boolean declared() {
		return Files.isRegularFile(file);
	}

	Path file() {
		return file;
	}

	/** @throws SeedImportException with file:line when the file is broken */
	List<Side> all() {
		var problems = new Problems();
		List<Side> sides = new SeedParser(problems).sides(file);
		problems.throwIfAny();
		return sides;
	}

	/** The declared sides; none when the file is missing. */
	public List<Side> listed() {
		return declared() ? all() : List.of();
	}

	/** The declared ids; none when the file is missing. */
	public Set<String> ids() {
		return declared() ? all().stream().map(Side::id).collect(Collectors.toSet()) : Set.of();
	}

}
