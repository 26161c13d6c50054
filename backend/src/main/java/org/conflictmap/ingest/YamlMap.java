package org.conflictmap.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventText;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read field by field, with the line of every value at hand: each accessor reports a
 * wrong or missing value as {@code file:line: field: what is expected} and returns null, so reading
 * goes on and every problem is found in one pass. Unknown keys are problems too: a misspelt field must
 * not be silently dropped.
 */
final class YamlMap {

	private final String file;

	private final Node node;

	/** Where this mapping sits in the event ({@code claims[1]}), empty at the top. */
	private final String path;

	private final Map<String, Node> fields = new LinkedHashMap<>();

	private final Problems problems;

	private YamlMap(String file, Node node, String path, Problems problems) {
		this.file = file;
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	/** Wraps a top-level {@code node}, or reports that a mapping was expected there and returns null. */
	static YamlMap of(String file, Node node, String what, Set<String> allowed, Problems problems) {
		return of(file, node, "", what, allowed, problems);
	}

	/**
	 * Wraps {@code node}, or reports that a mapping was expected there and returns null.
	 * @param path where the mapping sits ({@code claims[1]}), which every problem's field name starts with
	 */
	static YamlMap of(String file, Node node, String path, String what, Set<String> allowed, Problems problems) {
		String here = path.isEmpty() ? null : path;
		if (!(node instanceof MappingNode mapping)) {
			problems.add(file, node, here, what + " must be a mapping of field: value");
			return null;
		}
		var map = new YamlMap(file, node, path, problems);
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				problems.add(file, tuple.getKeyNode(), here, "field names must be plain text");
				continue;
			}
			if (!allowed.contains(key.getValue())) {
				problems.add(file, key, here, "unknown field '" + key.getValue() + "' in " + what + "; expected one of "
						+ allowed.stream().sorted().toList());
				continue;
			}
			if (map.fields.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
				problems.add(file, key, here, "field '" + key.getValue() + "' is given twice in " + what);
			}
		}
		return map;
	}

	/** Line of the mapping itself (1-based; 0 when built from JSON). */
	int line() {
		return Problems.line(node);
	}

	/** The path of one of this mapping's fields, as problems name it. */
	String field(String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	Node node(String key) {
		return fields.get(key);
	}

	boolean has(String key) {
		Node value = fields.get(key);
		return value != null && !isNull(value);
	}

	void problem(String key, String message) {
		problems.add(file, fields.getOrDefault(key, node), field(key), message);
	}

	/**
	 * Reports a value longer than the store keeps ({@code max} characters), so a long text is a clear
	 * problem rather than a database error.
	 * @return the value, or null when it is too long
	 */
	String limit(String key, String value, int max) {
		if (value != null && value.length() > max) {
			problem(key, "is " + value.length() + " characters long; at most " + max);
			return null;
		}
		return value;
	}

	/** A required, non-blank string. */
	String string(String key) {
		Node value = fields.get(key);
		if (value == null) {
			problems.add(file, node, field(key), "missing; this field is required");
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			problem(key, "must be a single value, not a list or mapping");
			return null;
		}
		if (isNull(value) || scalar.getValue().isBlank()) {
			problem(key, "must not be empty");
			return null;
		}
		return safe(key, scalar.getValue().strip());
	}

	/** A string or null when absent or null. */
	String optionalString(String key) {
		Node value = fields.get(key);
		if (value == null || isNull(value)) {
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			problem(key, "must be a single value, not a list or mapping");
			return null;
		}
		return safe(key, scalar.getValue().strip());
	}

	/** The text, or null after reporting a character no report holds (a control character, say). */
	private String safe(String key, String text) {
		String unsafe = EventText.unsafe(text);
		if (unsafe != null) {
			problem(key, unsafe);
			return null;
		}
		return text;
	}

	/** A required ISO date. */
	LocalDate date(String key) {
		String value = string(key);
		if (value == null) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problem(key, "must be an ISO date like 2024-12-05, not '" + value + "'");
			return null;
		}
		String outside = EventDates.outside(day);
		if (outside != null) {
			problem(key, outside);
			return null;
		}
		return day;
	}

	/** An optional whole number at least {@code min}; null when absent or explicitly null. */
	Integer optionalInteger(String key, int min) {
		String value = optionalString(key);
		if (value == null) {
			return null;
		}
		try {
			int n = Integer.parseInt(value);
			if (n >= min) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(key, "must be a whole number of at least " + min + ", not '" + value + "'");
		return null;
	}

	/** An optional number within [min, max]. */
	Double optionalNumber(String key, double min, double max) {
		String value = optionalString(key);
		if (value == null) {
			return null;
		}
		try {
			double d = Double.parseDouble(value);
			if (d >= min && d <= max) {
				return d;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(key, "must be a number from " + min + " to " + max + ", not '" + value + "'");
		return null;
	}

	/** A list of plain strings; empty when absent. */
	List<String> stringList(String key) {
		var out = new ArrayList<String>();
		List<Node> items = list(key);
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
				String unsafe = EventText.unsafe(scalar.getValue());
				if (unsafe != null) {
					problems.add(file, item, field(key) + "[" + i + "]", unsafe);
				}
				out.add(scalar.getValue().strip());
			}
			else {
				problems.add(file, item, field(key) + "[" + i + "]", "every item must be a non-empty name");
			}
		}
		return out;
	}

	/** The items of a list; empty when absent. */
	List<Node> list(String key) {
		Node value = fields.get(key);
		if (value == null || isNull(value)) {
			return List.of();
		}
		if (!(value instanceof SequenceNode sequence)) {
			problem(key, "must be a list (items starting with '- ')");
			return List.of();
		}
		return sequence.getValue();
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

}
