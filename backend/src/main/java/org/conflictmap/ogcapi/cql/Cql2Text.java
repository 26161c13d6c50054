package org.conflictmap.ogcapi.cql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.conflictmap.errors.BadRequestException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * CQL2 text ({@code filter-lang=cql2-text}) into an {@link Expr}, through the grammar in Cql2.g4. A filter
 * longer than {@link #MAX_LENGTH} characters or nested deeper than {@link #MAX_DEPTH} is refused before it
 * is parsed; any syntax error is a 400 that says where.
 */
public final class Cql2Text {

	/** A filter comes in a URL, which servers cut at 8 KB or so; this leaves room for the rest of it. */
	public static final int MAX_LENGTH = 4_000;

	public static final int MAX_DEPTH = 30;

	static final GeometryFactory CRS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private Cql2Text() {
	}

	public static Expr parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw bad("is " + text.length() + " characters long; at most " + MAX_LENGTH + " are read");
		}
		var errors = new BaseErrorListener() {
			@Override
			public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
					RecognitionException e) {
				throw bad("has a syntax error at character " + (column + 1) + ": " + msg);
			}
		};
		var lexer = new Cql2Lexer(CharStreams.fromString(text));
		lexer.removeErrorListeners();
		lexer.addErrorListener(errors);
		var tokens = new CommonTokenStream(lexer);
		tokens.fill();
		int depth = 0;
		for (Token t : tokens.getTokens()) {
			if (t.getType() == Cql2Lexer.UNEXPECTED) {
				throw bad("has '" + t.getText() + "' at character " + (t.getCharPositionInLine() + 1)
						+ ", which CQL2 text does not use (strings are in single quotes)");
			}
			depth += t.getType() == Cql2Lexer.LEFTPAREN ? 1 : t.getType() == Cql2Lexer.RIGHTPAREN ? -1 : 0;
			if (depth > MAX_DEPTH) {
				throw bad("is nested more than " + MAX_DEPTH + " parentheses deep");
			}
		}
		var parser = new Cql2Parser(tokens);
		parser.removeErrorListeners();
		parser.addErrorListener(errors);
		return new Builder(text).visitFilter(parser.filter());
	}

	static BadRequestException bad(String problem) {
		return new BadRequestException("filter", "filter " + problem);
	}

	/** A literal date or timestamp as the day it names (a timestamp's UTC day: events carry days). */
	static LocalDate day(String text, String where) {
		try {
			return text.length() == 10 ? LocalDate.parse(text)
					: OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw bad("has " + where + " '" + text + "', which is not an RFC 3339 date (2024-12-05) or timestamp "
					+ "(2024-12-05T10:00:00Z)");
		}
	}

	private static final class Builder extends Cql2BaseVisitor<Object> {

		private final String text;

		Builder(String text) {
			this.text = text;
		}

		@Override
		public Expr visitFilter(Cql2Parser.FilterContext ctx) {
			return (Expr) visit(ctx.booleanExpression());
		}

		@Override
		public Expr visitBooleanExpression(Cql2Parser.BooleanExpressionContext ctx) {
			List<Expr> terms = ctx.booleanTerm().stream().map(t -> (Expr) visit(t)).toList();
			return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
		}

		@Override
		public Expr visitBooleanTerm(Cql2Parser.BooleanTermContext ctx) {
			List<Expr> factors = ctx.booleanFactor().stream().map(f -> (Expr) visit(f)).toList();
			return factors.size() == 1 ? factors.get(0) : new Expr.And(factors);
		}

		@Override
		public Expr visitBooleanFactor(Cql2Parser.BooleanFactorContext ctx) {
			Expr primary = (Expr) visit(ctx.booleanPrimary());
			return ctx.NOT() == null ? primary : new Expr.Not(primary);
		}

		@Override
		public Expr visitNested(Cql2Parser.NestedContext ctx) {
			return (Expr) visit(ctx.booleanExpression());
		}

		@Override
		public Expr visitBinaryComparison(Cql2Parser.BinaryComparisonContext ctx) {
			return new Expr.Compare(ctx.op.getText(), scalar(ctx.scalar(0)), scalar(ctx.scalar(1)));
		}

		@Override
		public Expr visitLike(Cql2Parser.LikeContext ctx) {
			return negated(ctx.NOT() != null, new Expr.Like(scalar(ctx.scalar(0)), scalar(ctx.scalar(1))));
		}

		@Override
		public Expr visitBetween(Cql2Parser.BetweenContext ctx) {
			return negated(ctx.NOT() != null,
					new Expr.Between(scalar(ctx.scalar(0)), scalar(ctx.scalar(1)), scalar(ctx.scalar(2))));
		}

		@Override
		public Expr visitIn(Cql2Parser.InContext ctx) {
			List<Expr.Scalar> list = ctx.scalar().stream().skip(1).map(this::scalar).toList();
			return negated(ctx.NOT() != null, new Expr.In(scalar(ctx.scalar(0)), list));
		}

		@Override
		public Expr visitIsNull(Cql2Parser.IsNullContext ctx) {
			return negated(ctx.NOT() != null, new Expr.IsNull(scalar(ctx.scalar())));
		}

		@Override
		public Expr visitSpatialPredicate(Cql2Parser.SpatialPredicateContext ctx) {
			return new Expr.Intersects(spatial(ctx.spatial(0)), spatial(ctx.spatial(1)));
		}

		@Override
		public Expr visitTemporalPredicate(Cql2Parser.TemporalPredicateContext ctx) {
			return new Expr.Temporal(ctx.fn.getText().toLowerCase(Locale.ROOT), time(ctx.temporal(0)), time(ctx.temporal(1)));
		}

		@Override
		public Expr visitBooleanValue(Cql2Parser.BooleanValueContext ctx) {
			return new Expr.Bool(ctx.booleanLiteral().TRUE() != null);
		}

		private static Expr negated(boolean not, Expr e) {
			return not ? new Expr.Not(e) : e;
		}

		private Expr.Scalar scalar(Cql2Parser.ScalarContext ctx) {
			if (ctx instanceof Cql2Parser.ScalarPropertyContext p) {
				return property(p.propertyName());
			}
			if (ctx instanceof Cql2Parser.ScalarStringContext s) {
				return new Expr.Literal(string(s.STRING().getText()));
			}
			if (ctx instanceof Cql2Parser.ScalarNumberContext n) {
				return new Expr.Literal(number(n.NUMBER().getText()));
			}
			if (ctx instanceof Cql2Parser.ScalarBooleanContext b) {
				return new Expr.Literal(b.booleanLiteral().TRUE() != null);
			}
			return new Expr.Literal(instant(((Cql2Parser.ScalarInstantContext) ctx).instant()));
		}

		private static Expr.Property property(Cql2Parser.PropertyNameContext ctx) {
			String name = ctx.getText();
			return new Expr.Property(name.startsWith("\"") ? name.substring(1, name.length() - 1) : name);
		}

		private static String string(String quoted) {
			return quoted.substring(1, quoted.length() - 1).replace("''", "'");
		}

		private static Double number(String text) {
			double d = Double.parseDouble(text);
			if (!Double.isFinite(d)) {
				throw bad("has the number " + text + ", which is too large");
			}
			return d;
		}

		private static LocalDate instant(Cql2Parser.InstantContext ctx) {
			return day(string(ctx.STRING().getText()), ctx.DATE() != null ? "DATE" : "TIMESTAMP");
		}

		private Expr.Spatial spatial(Cql2Parser.SpatialContext ctx) {
			if (ctx instanceof Cql2Parser.SpatialPropertyContext p) {
				return property(p.propertyName());
			}
			if (ctx instanceof Cql2Parser.PointContext p) {
				return new Expr.Shape(CRS84.createPoint(coordinate(p.coordinate())));
			}
			if (ctx instanceof Cql2Parser.LineStringContext l) {
				return new Expr.Shape(CRS84.createLineString(l.coordinate().stream().map(Builder::coordinate)
					.toArray(Coordinate[]::new)));
			}
			if (ctx instanceof Cql2Parser.PolygonContext p) {
				List<LinearRing> rings = new ArrayList<>();
				for (Cql2Parser.RingContext r : p.ring()) {
					Coordinate[] cs = r.coordinate().stream().map(Builder::coordinate).toArray(Coordinate[]::new);
					if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
						throw bad("has a POLYGON ring that is not closed with 4 or more positions: " + source(r));
					}
					rings.add(CRS84.createLinearRing(cs));
				}
				return new Expr.Shape(CRS84.createPolygon(rings.get(0), rings.subList(1, rings.size())
					.toArray(LinearRing[]::new)));
			}
			var b = (Cql2Parser.BboxContext) ctx;
			List<Double> n = b.NUMBER().stream().map(t -> number(t.getText())).toList();
			int half = n.size() / 2;
			return new Expr.Shape(box(n.get(0), n.get(1), n.get(half), n.get(half + 1)));
		}

		private static Coordinate coordinate(Cql2Parser.CoordinateContext ctx) {
			return new Coordinate(number(ctx.NUMBER(0).getText()), number(ctx.NUMBER(1).getText()));
		}

		private Expr.Time time(Cql2Parser.TemporalContext ctx) {
			if (ctx instanceof Cql2Parser.TemporalPropertyContext p) {
				return property(p.propertyName());
			}
			if (ctx instanceof Cql2Parser.TemporalInstantContext i) {
				return Expr.Interval.day(instant(i.instant()));
			}
			var interval = (Cql2Parser.IntervalContext) ctx;
			return new Expr.Interval(bound(interval.bound(0)), bound(interval.bound(1)));
		}

		private static Object bound(Cql2Parser.BoundContext ctx) {
			if (ctx.propertyName() != null) {
				return property(ctx.propertyName());
			}
			if (ctx.instant() != null) {
				return instant(ctx.instant());
			}
			String s = string(ctx.STRING().getText());
			return "..".equals(s) ? null : day(s, "an INTERVAL bound");
		}

		private String source(ParserRuleContext ctx) {
			return text.substring(ctx.start.getStartIndex(), ctx.stop.getStopIndex() + 1);
		}

	}

	/** A lon/lat box as a polygon; west above east is refused (CQL2's BBOX does not wrap). */
	static Geometry box(double west, double south, double east, double north) {
		if (west > east || south > north) {
			throw bad("has BBOX(" + west + ", " + south + ", " + east + ", " + north + "): west must not exceed east, "
					+ "nor south north");
		}
		return CRS84.toGeometry(new org.locationtech.jts.geom.Envelope(west, east, south, north));
	}

}
