package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body as the node tree the seed files are read from, so an event written through the
 * API passes exactly the checks a seed file's event does ({@link SeedParser}). The JSON is parsed
 * strictly first: duplicate keys are an error, nesting and string lengths are bounded.
 */
final class JsonNodes {

	/** Deeper than any event needs (the deepest field is claims[i].status, three levels). */
	static final int MAX_DEPTH = 20;

	/** The longest single string: a long summary fits, a hostile megabyte does not. */
	static final int MAX_STRING = 100_000;

	private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).build())
		.build()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private JsonNodes() {
	}

	/**
	 * @throws tools.jackson.core.JacksonException when the text is not one JSON value within the bounds;
	 * its message says where
	 */
	static Node parse(String json) {
		return toNode(STRICT.readTree(json));
	}

	private static Node toNode(JsonNode json) {
		if (json.isObject()) {
			var tuples = new ArrayList<NodeTuple>();
			for (var field : json.properties()) {
				tuples.add(new NodeTuple(scalar(Tag.STR, field.getKey()), toNode(field.getValue())));
			}
			return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.FLOW);
		}
		if (json.isArray()) {
			List<Node> items = new ArrayList<>();
			for (JsonNode item : json) {
				items.add(toNode(item));
			}
			return new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.FLOW);
		}
		if (json.isNull()) {
			return scalar(Tag.NULL, "null");
		}
		if (json.isBoolean()) {
			return scalar(Tag.BOOL, json.asString());
		}
		if (json.isIntegralNumber()) {
			return scalar(Tag.INT, json.asString());
		}
		if (json.isNumber()) {
			return scalar(Tag.FLOAT, json.asString());
		}
		return scalar(Tag.STR, json.asString());
	}

	private static ScalarNode scalar(Tag tag, String value) {
		return new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN);
	}

}
