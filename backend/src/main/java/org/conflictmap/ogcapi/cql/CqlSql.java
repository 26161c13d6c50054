package org.conflictmap.ogcapi.cql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.conflictmap.event.SqlPredicate;
import org.conflictmap.ogcapi.cql.Queryables.Queryable;
import org.conflictmap.ogcapi.cql.Queryables.Type;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * A CQL2 {@link Expr} as SQL over the events table, the same on PostGIS and H2GIS: each property a
 * queryable's column, each value a bound parameter, each operator from a fixed list. An unknown property,
 * or a value of the wrong type for it, is a 400 that names it; nothing is run.
 */
public final class CqlSql {

	/** The most vertices a filter's geometries may have in all. */
	public static final int MAX_VERTICES = 10_000;

	/** The ends of an open interval ('..'): days no event reaches. */
	private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private final Map<String, Object> params = new HashMap<>();

	private int vertices;

	private CqlSql() {
	}

	public static SqlPredicate of(Expr filter) {
		var translator = new CqlSql();
		String sql = translator.sql(filter);
		return new SqlPredicate(sql, translator.params);
	}

	private String sql(Expr e) {
		if (e instanceof Expr.And and) {
			return and.args().stream().map(this::sql).collect(Collectors.joining(" AND ", "(", ")"));
		}
		if (e instanceof Expr.Or or) {
			return or.args().stream().map(this::sql).collect(Collectors.joining(" OR ", "(", ")"));
		}
		if (e instanceof Expr.Not not) {
			return "NOT (" + sql(not.arg()) + ")";
		}
		if (e instanceof Expr.Bool b) {
			return b.value() ? "1 = 1" : "1 = 0";
		}
		if (e instanceof Expr.Compare c) {
			return compare(c);
		}
		if (e instanceof Expr.Like like) {
			Queryable q = property(like.value(), "like");
			require(q, Type.STRING, "like");
			return q.column() + " LIKE " + literal(like.pattern(), Type.STRING, "like") + " ESCAPE '\\'";
		}
		if (e instanceof Expr.Between b) {
			Queryable q = property(b.value(), "between");
			if (q.type() != Type.NUMBER && q.type() != Type.DATE) {
				throw mismatch(b.value(), "between", "a number or a date");
			}
			return q.column() + " BETWEEN " + literal(b.low(), q.type(), "between") + " AND "
					+ literal(b.high(), q.type(), "between");
		}
		if (e instanceof Expr.In in) {
			Queryable q = property(in.value(), "in");
			if (!scalarType(q.type())) {
				throw mismatch(in.value(), "in", "a string, a number or a date");
			}
			var values = new ArrayList<Object>();
			for (Expr.Scalar s : in.list()) {
				values.add(value(s, q.type(), "in"));
			}
			return q.column() + " IN (" + bind(values) + ")";
		}
		if (e instanceof Expr.IsNull n) {
			return property(n.value(), "isNull").column() + " IS NULL";
		}
		if (e instanceof Expr.Intersects i) {
			return intersects(i);
		}
		return temporal((Expr.Temporal) e);
	}

	private String compare(Expr.Compare c) {
		String op = c.op();
		if (c.left() instanceof Expr.Property && c.right() instanceof Expr.Property) {
			Queryable l = property(c.left(), op);
			Queryable r = property(c.right(), op);
			if (l.type() != r.type() || !scalarType(l.type())) {
				throw Cql2Text.bad("compares " + name(c.left()) + " with " + name(c.right()) + ": they hold different kinds of value");
			}
			return l.column() + " " + op + " " + r.column();
		}
		if (c.left() instanceof Expr.Property) {
			Queryable q = property(c.left(), op);
			return q.column() + " " + op + " " + literal(c.right(), q.type(), op);
		}
		if (c.right() instanceof Expr.Property) {
			Queryable q = property(c.right(), op);
			return literal(c.left(), q.type(), op) + " " + op + " " + q.column();
		}
		throw Cql2Text.bad("compares two values with " + op + "; one side must be a property");
	}

	private static boolean scalarType(Type t) {
		return t == Type.STRING || t == Type.NUMBER || t == Type.DATE;
	}

	private String intersects(Expr.Intersects i) {
		Expr.Spatial property = i.left() instanceof Expr.Property ? i.left() : i.right();
		Expr.Spatial other = property == i.left() ? i.right() : i.left();
		if (!(property instanceof Expr.Property p) || !(other instanceof Expr.Shape shape)) {
			throw Cql2Text.bad("needs s_intersects between the geometry property and a geometry");
		}
		Queryable q = property(p, "s_intersects");
		if (q.type() != Type.GEOMETRY) {
			throw mismatch(p, "s_intersects", "a geometry");
		}
		Geometry g = shape.geometry();
		vertices += g.getNumPoints();
		if (vertices > MAX_VERTICES) {
			throw Cql2Text.bad("has geometries of more than " + MAX_VERTICES + " vertices in all");
		}
		for (Coordinate c : g.getCoordinates()) {
			if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
				throw Cql2Text.bad("has the position " + c.x + " " + c.y + ", outside CRS84's longitude and latitude "
						+ "(filter-crs is CRS84)");
			}
		}
		return "ST_Intersects(" + q.column() + ", ST_GeomFromText(" + bind(new WKTWriter().write(g)) + ", 4326))";
	}

	/**
	 * CQL2's temporal functions (Allen's relations, as CQL2 defines them) between day intervals: [start, end] of
	 * each side, a single day being [day, day].
	 */
	private String temporal(Expr.Temporal t) {
		String[] l = interval(t.left(), t.fn());
		String[] r = interval(t.right(), t.fn());
		String ls = l[0];
		String le = l[1];
		String rs = r[0];
		String re = r[1];
		return "(" + switch (t.fn()) {
			case "t_after" -> ls + " > " + re;
			case "t_before" -> le + " < " + rs;
			case "t_contains" -> ls + " < " + rs + " AND " + le + " > " + re;
			case "t_disjoint" -> le + " < " + rs + " OR " + ls + " > " + re;
			case "t_during" -> ls + " > " + rs + " AND " + le + " < " + re;
			case "t_equals" -> ls + " = " + rs + " AND " + le + " = " + re;
			case "t_finishedby" -> ls + " < " + rs + " AND " + le + " = " + re;
			case "t_finishes" -> ls + " > " + rs + " AND " + le + " = " + re;
			case "t_intersects" -> ls + " <= " + re + " AND " + le + " >= " + rs;
			case "t_meets" -> le + " = " + rs;
			case "t_metby" -> ls + " = " + re;
			case "t_overlappedby" -> ls + " > " + rs + " AND " + ls + " < " + re + " AND " + le + " > " + re;
			case "t_overlaps" -> ls + " < " + rs + " AND " + le + " > " + rs + " AND " + le + " < " + re;
			case "t_startedby" -> ls + " = " + rs + " AND " + le + " > " + re;
			case "t_starts" -> ls + " = " + rs + " AND " + le + " < " + re;
			default -> throw Cql2Text.bad("uses the unknown temporal function " + t.fn());
		} + ")";
	}

	private String[] interval(Expr.Time time, String fn) {
		if (time instanceof Expr.Property p) {
			Queryable q = property(p, fn);
			return switch (q.type()) {
				case INTERVAL -> new String[] { "date_start", "date_end" };
				case DATE -> new String[] { q.column(), q.column() };
				default -> throw mismatch(p, fn, "a date or the event's days (datetime)");
			};
		}
		var i = (Expr.Interval) time;
		return new String[] { bound(i.start(), EARLIEST, fn), bound(i.end(), LATEST, fn) };
	}

	private String bound(Object b, LocalDate open, String fn) {
		if (b instanceof Expr.Property p) {
			Queryable q = property(p, fn);
			if (q.type() != Type.DATE) {
				throw mismatch(p, fn, "a date");
			}
			return q.column();
		}
		return bind(b == null ? open : b);
	}

	private static Queryable property(Object e, String where) {
		if (!(e instanceof Expr.Property p)) {
			throw Cql2Text.bad("needs a property as the first operand of " + where);
		}
		Queryable q = Queryables.EVENTS.get(p.name());
		if (q == null) {
			throw Cql2Text.bad("names the property '" + p.name() + "', which is not a queryable; /ogcapi/collections/events/"
					+ "queryables lists them: " + String.join(", ", Queryables.EVENTS.keySet()));
		}
		return q;
	}

	private static void require(Queryable q, Type type, String where) {
		if (q.type() != type) {
			throw Cql2Text.bad("uses " + where + " on a property that holds " + q.type().name().toLowerCase() + "s");
		}
	}

	private String literal(Expr.Scalar s, Type type, String where) {
		return bind(value(s, type, where));
	}

	private static Object value(Expr.Scalar s, Type type, String where) {
		if (!(s instanceof Expr.Literal literal)) {
			throw Cql2Text.bad("compares with " + name(s) + " in " + where + " where a value is needed");
		}
		Object v = literal.value();
		boolean fits = switch (type) {
			case STRING -> v instanceof String;
			case NUMBER -> v instanceof Double;
			case DATE -> v instanceof LocalDate;
			default -> false;
		};
		if (!fits) {
			String hint = type == Type.DATE && v instanceof String ? " (write DATE('" + v + "'))" : "";
			throw Cql2Text.bad("compares a " + type.name().toLowerCase() + " property with " + describe(v) + " in " + where
					+ hint);
		}
		return v;
	}

	private String bind(Object value) {
		String name = "cql" + params.size();
		params.put(name, value);
		return ":" + name;
	}

	private static org.conflictmap.errors.BadRequestException mismatch(Object property, String where, String wanted) {
		return Cql2Text.bad("uses " + where + " on " + name(property) + ", which is not " + wanted);
	}

	private static String name(Object e) {
		return e instanceof Expr.Property p ? "the property '" + p.name() + "'" : "a value";
	}

	private static String describe(Object v) {
		if (v instanceof String str) {
			return "the string '" + str + "'";
		}
		return (v instanceof Double ? "the number " : v instanceof Boolean ? "the boolean " : "the date ") + v;
	}

}
