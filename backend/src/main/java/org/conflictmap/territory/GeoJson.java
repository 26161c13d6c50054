package org.conflictmap.territory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.algorithm.Orientation;
import tools.jackson.databind.JsonNode;

/**
 * JTS polygons and lines to and from RFC 7946 geometry objects (lon,lat; exterior rings counter-clockwise,
 * holes clockwise; five decimals, about a metre).
 */
public final class GeoJson {

	private static final double SCALE = 1e5;

	private GeoJson() {
	}

	/** A JTS polygon, multipolygon or lines as an RFC 7946 geometry object. */
	public static Map<String, Object> geometry(Geometry g) {
		var m = new LinkedHashMap<String, Object>();
		switch (g.getGeometryType()) {
			case "Polygon" -> {
				m.put("type", "Polygon");
				m.put("coordinates", polygon((Polygon) g));
			}
			case "MultiPolygon" -> {
				m.put("type", "MultiPolygon");
				var polygons = new ArrayList<Object>();
				for (int i = 0; i < g.getNumGeometries(); i++) {
					polygons.add(polygon((Polygon) g.getGeometryN(i)));
				}
				m.put("coordinates", polygons);
			}
			case "LineString", "MultiLineString", "GeometryCollection" -> {
				m.put("type", "MultiLineString");
				var lines = new ArrayList<Object>();
				for (int i = 0; i < g.getNumGeometries(); i++) {
					if (g.getGeometryN(i) instanceof LineString line && !line.isEmpty()) {
						lines.add(coordinates(line.getCoordinates()));
					}
				}
				m.put("coordinates", lines);
			}
			default -> throw new IllegalArgumentException("no GeoJSON form here for " + g.getGeometryType());
		}
		return m;
	}

	private static List<Object> polygon(Polygon p) {
		var rings = new ArrayList<Object>();
		rings.add(ring(p.getExteriorRing(), true));
		for (int i = 0; i < p.getNumInteriorRing(); i++) {
			rings.add(ring(p.getInteriorRingN(i), false));
		}
		return rings;
	}

	private static List<Object> ring(LinearRing ring, boolean counterClockwise) {
		Coordinate[] c = ring.getCoordinates();
		if (Orientation.isCCW(c) != counterClockwise) {
			c = ring.reverse().getCoordinates();
		}
		return coordinates(c);
	}

	private static List<Object> coordinates(Coordinate[] cs) {
		var out = new ArrayList<Object>(cs.length);
		for (Coordinate c : cs) {
			out.add(List.of(Math.round(c.x * SCALE) / SCALE, Math.round(c.y * SCALE) / SCALE));
		}
		return out;
	}

	/** A GeoJSON Polygon or MultiPolygon node as a JTS geometry in lon/lat. */
	public static Geometry polygonal(JsonNode geometry, String where) {
		var factory = new GeometryFactory(new PrecisionModel(), 4326);
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		return switch (type) {
			case "Polygon" -> polygon(coordinates, factory, where);
			case "MultiPolygon" -> {
				var polygons = new ArrayList<Polygon>();
				if (!coordinates.isArray()) {
					throw new IllegalArgumentException(where + ": a MultiPolygon's coordinates must be an array of polygons");
				}
				coordinates.forEach(p -> polygons.add(polygon(p, factory, where)));
				yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			default -> throw new IllegalArgumentException(where + ": geometry must be a Polygon or MultiPolygon, not '" + type + "'");
		};
	}

	private static Polygon polygon(JsonNode rings, GeometryFactory factory, String where) {
		if (!rings.isArray()) {
			throw new IllegalArgumentException(where + ": a polygon's coordinates must be an array of rings");
		}
		var linear = new ArrayList<LinearRing>();
		for (JsonNode ring : rings) {
			if (!ring.isArray()) {
				throw new IllegalArgumentException(where + ": ring " + (linear.size() + 1) + " must be an array of positions");
			}
			var cs = new ArrayList<Coordinate>();
			for (JsonNode p : ring) {
				if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
						|| Math.abs(p.get(0).asDouble()) > 180 || Math.abs(p.get(1).asDouble()) > 90) {
					throw new IllegalArgumentException(where + ": position " + (cs.size() + 1) + " of ring "
							+ (linear.size() + 1) + " must be [lon, lat] in degrees, not " + p);
				}
				cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
			}
			try {
				linear.add(factory.createLinearRing(cs.toArray(Coordinate[]::new)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
			}
		}
		if (linear.isEmpty()) {
			throw new IllegalArgumentException(where + ": a polygon needs at least one ring");
		}
		return factory.createPolygon(linear.get(0), linear.subList(1, linear.size()).toArray(LinearRing[]::new));
	}

}
