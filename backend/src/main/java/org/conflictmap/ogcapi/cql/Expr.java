package org.conflictmap.ogcapi.cql;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 filter as a tree, whichever encoding it came in (text: {@link Cql2Text}, JSON: {@link Cql2Json}).
 * Property names are checked against the queryables and values bound when it becomes SQL ({@link CqlSql}).
 */
public sealed interface Expr {

	record And(List<Expr> args) implements Expr {
	}

	record Or(List<Expr> args) implements Expr {
	}

	record Not(Expr arg) implements Expr {
	}

	record Bool(boolean value) implements Expr {
	}

	/** {@code op}: one of = <> < <= > >=. */
	record Compare(String op, Scalar left, Scalar right) implements Expr {
	}

	record Like(Scalar value, Scalar pattern) implements Expr {
	}

	record Between(Scalar value, Scalar low, Scalar high) implements Expr {
	}

	record In(Scalar value, List<Scalar> list) implements Expr {
	}

	record IsNull(Scalar value) implements Expr {
	}

	record Intersects(Spatial left, Spatial right) implements Expr {
	}

	/** {@code fn}: t_intersects, t_before, t_after or t_during. */
	record Temporal(String fn, Time left, Time right) implements Expr {
	}

	/** A value compared: a property, or a literal (String, Double, Boolean, LocalDate). */
	sealed interface Scalar {
	}

	record Property(String name) implements Scalar, Spatial, Time {
	}

	record Literal(Object value) implements Scalar {
	}

	/** An operand of a spatial function: a property, or a geometry in CRS84. */
	sealed interface Spatial {
	}

	record Shape(Geometry geometry) implements Spatial {
	}

	/** An operand of a temporal function: a property, or the days from {@code start} to {@code end}. */
	sealed interface Time {
	}

	/** Bounds: a LocalDate, a {@link Property}, or null for an open end ('..'). */
	record Interval(Object start, Object end) implements Time {

		static Interval day(LocalDate day) {
			return new Interval(day, day);
		}

	}

}
