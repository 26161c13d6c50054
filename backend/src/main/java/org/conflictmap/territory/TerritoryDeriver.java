package org.conflictmap.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Derives who holds what on a day, in a metric projection: the latest curated snapshot on or before the
 * day, then every control change up to that day in date order (a gained place adds a disc around it, and
 * a line of advance from the old front when it lay beyond it; a lost place removes it), plus contested discs
 * where fighting is reported without a change of control. A change reported within a span of days (its
 * event's first day before its last) takes effect on the last; from the first until then its disc is
 * contested ({@code uncertain}, with the day the change holds from): only a gaining side's own land
 * stays held, so the map never shows a place held by the loser inside the window in which its capture is
 * reported. Pure geometry: no
 * I/O, no projection.
 */
final class TerritoryDeriver {

	/**
	 * A gained place at most this far from the side's area is drawn with a line of advance from the old
	 * front to it ({@code kind: advance}); the land between is not claimed: no event supports it.
	 */
	static final double MAX_ADVANCE_M = 60_000;

	/**
	 * The most a derived area reaches from the place of an event that supports it: the largest reach a
	 * place is given (TerritoryService: 1.5 × the gazetteer's reach, at most 20 km). Land farther than
	 * this from every supporting place and assessment is never drawn as held.
	 */
	static final double MAX_SUPPORT_M = 20_000;

	static final String ADVANCE = "advance";

	/** Vertices closer than this to the simplified line are dropped (the data are good to km, not m). */
	static final double SIMPLIFY_M = 100;

	/** The front line leaves out the side's edge along the international border. */
	static final double BORDER_MARGIN_M = 3_000;

	static final String CONTROL = "control";

	static final String CONTESTED = "contested";

	static final String ASSESSED = "assessed";

	static final String DERIVED = "derived";

	/** A curated polygon held by a side from a date (to a date, or null: until the side's next one). */
	record Snapshot(String id, String side, LocalDate validFrom, LocalDate validTo, Geometry area, String confidence) {

		Snapshot(String id, String side, LocalDate validFrom, Geometry area) {
			this(id, side, validFrom, null, area, null);
		}

		boolean holdsOn(LocalDate date) {
			return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
		}

	}

	/**
	 * A side gained or lost the place at {@code at}, reported between {@code reported} and {@code effective}
	 * (the event's first and last day); {@code radiusM} is the place's reach. It takes effect on the last
	 * day; before that, from the first, the place is contested (see {@link #derive}).
	 */
	record Change(String eventId, LocalDate reported, LocalDate effective, String side, String change, Point at,
			double radiusM) {

		/** A change reported on one day. */
		Change(String eventId, LocalDate effective, String side, String change, Point at, double radiusM) {
			this(eventId, effective, effective, side, change, at, radiusM);
		}

		/** Whether on {@code date} the change may be under way: reported, not yet certain. */
		boolean uncertainOn(LocalDate date) {
			return !reported.isAfter(date) && effective.isAfter(date);
		}

	}

	/** Fighting reported around {@code at} from start to end without a change of control. */
	record Fighting(String eventId, LocalDate start, LocalDate end, Point at, double radiusM) {
	}

	/**
	 * A country outline to clip to, with the band along its edge that the front line leaves out, buffered
	 * once rather than on every day derived (it was most of a day's time).
	 */
	record Border(Geometry outline, Geometry edgeBand) {

		static Border of(Geometry outline) {
			return new Border(outline, outline.getBoundary().buffer(BORDER_MARGIN_M));
		}

	}

	/**
	 * The day's areas (control per side, then contested), the front line between them, and the lines of
	 * advance to places gained beyond a side's area.
	 */
	record Result(LocalDate date, List<Area> areas, Geometry frontline, List<Advance> advances) {
	}

	/** A line from a side's old front to a place it gained beyond it, on {@code day}, as {@code eventId} reports. */
	record Advance(String side, LocalDate day, String eventId, Geometry line) {
	}

	private TerritoryDeriver() {
	}

	/**
	 * @param border the country outline to clip to, or null for none
	 * @param frontSide the side whose area's edge is the front line (its opponents' areas are not all drawn)
	 */
	static Result derive(LocalDate date, List<Snapshot> snapshots, List<Change> changes, List<Fighting> fighting,
			Border border, String frontSide, GeometryFactory factory) {
		Map<String, Held> held = new LinkedHashMap<>();
		var advances = new ArrayList<Advance>();
		Map<String, LocalDate> snapshotDay = new LinkedHashMap<>();
		for (Snapshot s : snapshots) {
			if (s.holdsOn(date)) {
				snapshotDay.merge(s.side(), s.validFrom(), (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		for (Snapshot s : snapshots) {
			if (s.holdsOn(date) && s.validFrom().equals(snapshotDay.get(s.side()))) {
				held.computeIfAbsent(s.side(), k -> new Held(factory, s.validFrom())).add(s.area(), s.id());
			}
		}
		List<Change> ordered = changes.stream()
			.filter(c -> !c.effective().isAfter(date))
			.sorted(Comparator.comparing(Change::effective).thenComparing(Change::eventId))
			.toList();
		for (Change c : ordered) {
			LocalDate since = snapshotDay.get(c.side());
			if (since != null && !c.effective().isAfter(since)) {
				continue; // the snapshot already shows it
			}
			Geometry disc = c.at().buffer(c.radiusM(), 16);
			Held side = held.computeIfAbsent(c.side(), k -> new Held(factory, c.effective()));
			if ("gained".equals(c.change())) {
				Geometry line = side.gain(disc, c);
				if (line != null) {
					advances.add(new Advance(c.side(), c.effective(), c.eventId(), line));
				}
				for (var other : held.entrySet()) {
					if (!other.getKey().equals(c.side())) {
						other.getValue().lose(disc, c);
					}
				}
			}
			else {
				side.lose(disc, c);
			}
		}
		var uncertain = new ArrayList<Area>();
		for (Change c : changes) {
			if (!c.uncertainOn(date)) {
				continue;
			}
			// a gain: the losers no longer plainly hold the place; a loss: the side itself no longer does
			String taker = "gained".equals(c.change()) ? c.side() : null;
			Geometry disc = c.at().buffer(c.radiusM(), 16);
			for (var side : held.entrySet()) {
				if (!side.getKey().equals(taker)) {
					side.getValue().area = side.getValue().area.difference(disc);
				}
			}
			Geometry open = taker == null || !held.containsKey(taker) ? disc : disc.difference(held.get(taker).area);
			Geometry g = tidy(clip(open, border));
			if (!g.isEmpty()) {
				uncertain.add(new Area(c.side(), CONTESTED, Area.UNCERTAIN, c.reported(), g, List.of(c.eventId()),
						c.effective()));
			}
		}
		var areas = new ArrayList<Area>();
		for (var entry : held.entrySet()) {
			Geometry g = tidy(clip(entry.getValue().area, border));
			if (!g.isEmpty()) {
				Held h = entry.getValue();
				areas.add(new Area(entry.getKey(), CONTROL, h.derived ? DERIVED : ASSESSED, h.since, g,
						List.copyOf(h.evidence)));
			}
		}
		var discs = new ArrayList<Geometry>();
		Set<String> contestedEvidence = new LinkedHashSet<>();
		LocalDate contestedSince = null;
		for (Fighting f : fighting) {
			if (!f.start().isAfter(date) && !f.end().isBefore(date)) {
				discs.add(f.at().buffer(f.radiusM(), 16));
				contestedEvidence.add(f.eventId());
				contestedSince = contestedSince == null || f.start().isBefore(contestedSince) ? f.start() : contestedSince;
			}
		}
		// all at once (a cascaded union), not one disc after another
		Geometry contested = discs.isEmpty() ? factory.createGeometryCollection() : UnaryUnionOp.union(discs);
		for (Area u : uncertain) {
			contested = contested.difference(u.geometry()); // drawn once, as the uncertain change
		}
		contested = tidy(clip(contested, border));
		if (!contested.isEmpty()) {
			areas.add(new Area(null, CONTESTED, DERIVED, contestedSince, contested, List.copyOf(contestedEvidence)));
		}
		areas.addAll(uncertain);
		Held front = held.get(frontSide);
		Geometry line = factory.createMultiLineString();
		if (front != null && !front.area.isEmpty()) {
			line = clip(front.area, border).getBoundary();
			if (border != null) {
				line = line.difference(border.edgeBand());
			}
		}
		return new Result(date, areas, line, List.copyOf(advances));
	}

	/** A side's area as it is built up, with where it came from. */
	private static final class Held {

		private final GeometryFactory factory;

		private Geometry area;

		private LocalDate since;

		private boolean derived;

		private final Set<String> evidence = new LinkedHashSet<>();

		Held(GeometryFactory factory, LocalDate since) {
			this.factory = factory;
			this.area = factory.createGeometryCollection();
			this.since = since;
		}

		void add(Geometry g, String id) {
			area = area.union(g);
			evidence.add(id);
		}

		/**
		 * Adds the place's disc; returns the line of advance from the old front to the place when the place
		 * lay beyond the area (within {@link #MAX_ADVANCE_M}), else null.
		 */
		Geometry gain(Geometry disc, Change c) {
			Geometry line = null;
			if (!area.isEmpty()) {
				var ends = DistanceOp.nearestPoints(area, c.at());
				double gap = ends[0].distance(c.at().getCoordinate());
				if (gap > c.radiusM() && gap <= MAX_ADVANCE_M) {
					line = factory.createLineString(new org.locationtech.jts.geom.Coordinate[] { ends[0], c.at().getCoordinate() });
				}
			}
			area = area.union(disc);
			mark(c);
			return line;
		}

		void lose(Geometry disc, Change c) {
			if (area.intersects(disc)) {
				area = area.difference(disc);
				mark(c);
			}
		}

		private void mark(Change c) {
			derived = true;
			since = c.effective();
			evidence.add(c.eventId());
		}

	}

	private static Geometry clip(Geometry g, Border border) {
		return border == null || g.isEmpty() ? g : g.intersection(border.outline());
	}

	/** Valid, simplified polygons only. */
	static Geometry tidy(Geometry g) {
		if (g.isEmpty()) {
			return g;
		}
		Geometry fixed = GeometryFixer.fix(TopologyPreservingSimplifier.simplify(g, SIMPLIFY_M));
		return polygonsOnly(fixed);
	}

	private static Geometry polygonsOnly(Geometry g) {
		if (g instanceof Polygonal) {
			return g;
		}
		var polygons = new ArrayList<org.locationtech.jts.geom.Polygon>();
		for (int i = 0; i < g.getNumGeometries(); i++) {
			if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon p && !p.isEmpty()) {
				polygons.add(p);
			}
		}
		return g.getFactory().createMultiPolygon(polygons.toArray(org.locationtech.jts.geom.Polygon[]::new));
	}

}
