package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Every problem found in a set of data files, each as {@code file:line: what is wrong}. Parsing goes on
 * after a problem so a curator sees all of them at once.
 */
final class Problems {

	private final List<String> messages = new ArrayList<>();

	void add(String file, Node at, String message) {
		add(file, at == null ? 0 : at.getStartMark().getLine() + 1, message);
	}

	void add(String file, int line, String message) {
		messages.add(file + ":" + line + ": " + message);
	}

	boolean isEmpty() {
		return messages.isEmpty();
	}

	List<String> messages() {
		return List.copyOf(messages);
	}

	/** Throws when anything was found, so nothing is written from a file with an error. */
	void throwIfAny() {
		if (!messages.isEmpty()) {
			throw new SeedImportException(messages());
		}
	}

}
