package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Every problem found in a set of data files or in one request body, each with where it is (file and
 * line) and which field. Parsing goes on after a problem so a curator sees all of them at once.
 */
final class Problems {

	/**
	 * One problem.
	 * @param line 1-based, or 0 when the input has no lines (a JSON body) or the problem is the file's
	 * @param field the field's path ({@code claims[1].status}), or null when the problem is not one field's
	 */
	record Problem(String file, int line, String field, String message) {

		/** {@code file:line: field: what is wrong}, the form seed import errors are printed in. */
		String render() {
			return file + ":" + line + ": " + (field == null ? "" : field + ": ") + message;
		}

	}

	private final List<Problem> problems = new ArrayList<>();

	void add(String file, Node at, String message) {
		add(file, at, null, message);
	}

	void add(String file, Node at, String field, String message) {
		add(file, line(at), field, message);
	}

	void add(String file, int line, String message) {
		add(file, line, null, message);
	}

	void add(String file, int line, String field, String message) {
		problems.add(new Problem(file, line, field, message));
	}

	boolean isEmpty() {
		return problems.isEmpty();
	}

	int size() {
		return problems.size();
	}

	List<Problem> all() {
		return List.copyOf(problems);
	}

	List<String> messages() {
		return problems.stream().map(Problem::render).toList();
	}

	/** Throws when anything was found, so nothing is written from a file with an error. */
	void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new SeedImportException(messages());
		}
	}

	/** The node's 1-based line; 0 for nodes built from JSON, which carry no position. */
	static int line(Node at) {
		return at == null || at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
	}

}
