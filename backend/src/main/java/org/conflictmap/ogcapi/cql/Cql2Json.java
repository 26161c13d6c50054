package org.conflictmap.ogcapi.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.conflictmap.event.EventJson;
import org.conflictmap.territory.GeoJson;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CQL2 JSON ({@code filter-lang=cql2-json}) into the same {@link Expr} as the text encoding:
 * {@code {"op": "and", "args": [...]}}, {@code {"property": "name"}}, strings, numbers, booleans,
 * {@code {"date": ...}}, {@code {"timestamp": ...}}, {@code {"interval": [a, b]}}, {@code {"bbox": [...]}}
 * and GeoJSON geometries. Limits as for text.
 */
public final class Cql2Json {

	private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

	private static final Set<String> TEMPORAL = Set.of("t_after", "t_before", "t_contains", "t_disjoint", "t_during",
			"t_equals", "t_finishedby", "t_finishes", "t_intersects", "t_meets", "t_metby", "t_overlappedby", "t_overlaps",
			"t_startedby", "t_starts");

	private Cql2Json() {
	}

	public static Expr parse(String json) {
		if (json.length() > Cql2Text.MAX_LENGTH) {
			throw Cql2Text.bad("is " + json.length() + " characters long; at most " + Cql2Text.MAX_LENGTH + " are read");
		}
		JsonNode root;
		try {
			root = EventJson.MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw Cql2Text.bad("is not JSON (filter-lang=cql2-json): " + ex.getOriginalMessage());
		}
		return expr(root, 0);
	}

	private static Expr expr(JsonNode node, int depth) {
		if (depth > Cql2Text.MAX_DEPTH) {
			throw Cql2Text.bad("is nested more than " + Cql2Text.MAX_DEPTH + " levels deep");
		}
		if (node.isBoolean()) {
			return new Expr.Bool(node.asBoolean());
		}
		if (!node.isObject() || !node.path("op").isString() || !node.path("args").isArray()) {
			throw Cql2Text.bad("needs {\"op\": ..., \"args\": [...]} here, not " + shortly(node));
		}
		String op = node.get("op").asString().toLowerCase(Locale.ROOT);
		JsonNode args = node.get("args");
		switch (op) {
			case "and", "or" -> {
				if (args.size() < 2) {
					throw Cql2Text.bad("needs two or more args for " + op);
				}
				var list = new ArrayList<Expr>();
				args.forEach(a -> list.add(expr(a, depth + 1)));
				return "and".equals(op) ? new Expr.And(list) : new Expr.Or(list);
			}
			case "not" -> {
				return new Expr.Not(expr(arg(args, 0, 1, op), depth + 1));
			}
			case "like" -> {
				return new Expr.Like(scalar(arg(args, 0, 2, op)), scalar(arg(args, 1, 2, op)));
			}
			case "between" -> {
				return new Expr.Between(scalar(arg(args, 0, 3, op)), scalar(arg(args, 1, 3, op)), scalar(arg(args, 2, 3, op)));
			}
			case "in" -> {
				JsonNode list = arg(args, 1, 2, op);
				if (!list.isArray() || list.isEmpty()) {
					throw Cql2Text.bad("needs a non-empty list as the second arg of in");
				}
				var values = new ArrayList<Expr.Scalar>();
				list.forEach(v -> values.add(scalar(v)));
				return new Expr.In(scalar(arg(args, 0, 2, op)), values);
			}
			case "isnull" -> {
				return new Expr.IsNull(scalar(arg(args, 0, 1, op)));
			}
			case "s_intersects" -> {
				return new Expr.Intersects(spatial(arg(args, 0, 2, op)), spatial(arg(args, 1, 2, op)));
			}
			default -> {
				if (COMPARISONS.contains(op)) {
					return new Expr.Compare(op, scalar(arg(args, 0, 2, op)), scalar(arg(args, 1, 2, op)));
				}
				if (TEMPORAL.contains(op)) {
					return new Expr.Temporal(op, time(arg(args, 0, 2, op)), time(arg(args, 1, 2, op)));
				}
				throw Cql2Text.bad("uses the operator '" + op + "', which this service does not answer; it answers and, or, "
						+ "not, =, <>, <, <=, >, >=, like, between, in, isNull, s_intersects and the fifteen temporal functions "
						+ "t_after ... t_starts");
			}
		}
	}

	private static JsonNode arg(JsonNode args, int i, int count, String op) {
		if (args.size() != count) {
			throw Cql2Text.bad("needs " + count + " args for " + op + ", not " + args.size());
		}
		return args.get(i);
	}

	private static Expr.Scalar scalar(JsonNode node) {
		if (node.isObject() && node.has("property")) {
			return property(node);
		}
		if (node.isString()) {
			return new Expr.Literal(node.asString());
		}
		if (node.isNumber()) {
			return new Expr.Literal(node.asDouble());
		}
		if (node.isBoolean()) {
			return new Expr.Literal(node.asBoolean());
		}
		if (node.isObject() && (node.has("date") || node.has("timestamp"))) {
			return new Expr.Literal(instant(node));
		}
		throw Cql2Text.bad("needs a property, a string, a number, a boolean or a date here, not " + shortly(node));
	}

	private static Expr.Property property(JsonNode node) {
		if (!node.get("property").isString()) {
			throw Cql2Text.bad("names a property with " + shortly(node.get("property")) + "; a name is a string");
		}
		return new Expr.Property(node.get("property").asString());
	}

	private static java.time.LocalDate instant(JsonNode node) {
		boolean date = node.has("date");
		JsonNode value = node.get(date ? "date" : "timestamp");
		if (!value.isString()) {
			throw Cql2Text.bad("needs a string in " + shortly(node));
		}
		return Cql2Text.day(value.asString(), date ? "date" : "timestamp");
	}

	private static Expr.Spatial spatial(JsonNode node) {
		if (node.isObject() && node.has("property")) {
			return property(node);
		}
		if (node.isObject() && node.has("bbox")) {
			JsonNode b = node.get("bbox");
			if (!b.isArray() || (b.size() != 4 && b.size() != 6) || !b.valueStream().allMatch(JsonNode::isNumber)) {
				throw Cql2Text.bad("needs 4 or 6 numbers in bbox, not " + shortly(b));
			}
			int half = b.size() / 2;
			return new Expr.Shape(Cql2Text.box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(half).asDouble(),
					b.get(half + 1).asDouble()));
		}
		if (node.isObject() && node.has("type") && node.has("coordinates")) {
			try {
				return new Expr.Shape(shape(node));
			}
			catch (IllegalArgumentException ex) {
				throw Cql2Text.bad("has a geometry that is not " + ex.getMessage());
			}
		}
		throw Cql2Text.bad("needs a property, a bbox or a GeoJSON geometry here, not " + shortly(node));
	}

	/** A GeoJSON Point, LineString, Polygon or MultiPolygon in lon/lat. */
	private static Geometry shape(JsonNode node) {
		String type = node.get("type").asString("");
		JsonNode c = node.get("coordinates");
		return switch (type) {
			case "Point" -> Cql2Text.CRS84.createPoint(position(c));
			case "LineString" -> {
				if (!c.isArray() || c.size() < 2) {
					throw new IllegalArgumentException("a LineString of two or more positions");
				}
				var cs = new ArrayList<Coordinate>();
				c.forEach(p -> cs.add(position(p)));
				yield Cql2Text.CRS84.createLineString(cs.toArray(Coordinate[]::new));
			}
			case "Polygon", "MultiPolygon" -> GeoJson.polygonal(node, "the filter's " + type);
			default -> throw new IllegalArgumentException("a Point, LineString, Polygon or MultiPolygon: '" + type + "'");
		};
	}

	private static Coordinate position(JsonNode p) {
		if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
			throw new IllegalArgumentException("[lon, lat] in degrees: " + shortly(p));
		}
		return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
	}

	private static Expr.Time time(JsonNode node) {
		if (node.isObject() && node.has("property")) {
			return property(node);
		}
		if (node.isObject() && (node.has("date") || node.has("timestamp"))) {
			return Expr.Interval.day(instant(node));
		}
		if (node.isObject() && node.has("interval") && node.get("interval").isArray() && node.get("interval").size() == 2) {
			List<Object> bounds = new ArrayList<>();
			for (JsonNode b : node.get("interval")) {
				if (b.isString()) {
					bounds.add("..".equals(b.asString()) ? null : Cql2Text.day(b.asString(), "an interval bound"));
				}
				else if (b.isObject() && b.has("property")) {
					bounds.add(property(b));
				}
				else if (b.isObject() && (b.has("date") || b.has("timestamp"))) {
					bounds.add(instant(b));
				}
				else {
					throw Cql2Text.bad("has the interval bound " + shortly(b) + "; a bound is a date string, '..' or a property");
				}
			}
			return new Expr.Interval(bounds.get(0), bounds.get(1));
		}
		throw Cql2Text.bad("needs a property, a date, a timestamp or an interval here, not " + shortly(node));
	}

	private static String shortly(JsonNode node) {
		String s = String.valueOf(node);
		return s.length() > 80 ? s.substring(0, 77) + "..." : s;
	}

}
