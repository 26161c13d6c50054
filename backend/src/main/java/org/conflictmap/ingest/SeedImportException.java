package org.conflictmap.ingest;

import java.util.List;

/** A seed import refused because of problems in its files; nothing of it was stored. */
public class SeedImportException extends RuntimeException {

	private final List<String> problems;

	public SeedImportException(List<String> problems) {
		super("seed import refused, nothing stored; fix " + (problems.size() == 1 ? "this" : "these "
				+ problems.size()) + ":\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	/** Each problem as {@code file:line: what is wrong}. */
	public List<String> problems() {
		return problems;
	}

}
