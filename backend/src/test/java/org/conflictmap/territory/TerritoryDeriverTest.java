package org.conflictmap.territory;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** The derivation's geometry, in metres, one case per test: WKT in, area or predicate out. */
class TerritoryDeriverTest {

	private static final GeometryFactory F = new GeometryFactory();

	private static final LocalDate D0 = LocalDate.of(2024, 11, 26);

	private static final LocalDate D1 = LocalDate.of(2024, 11, 30);

	/** A 20 km square held by "a" from D0. */
	private static final String POCKET = "POLYGON ((0 0, 20000 0, 20000 20000, 0 20000, 0 0))";

	@Test
	void aGainedPlaceFarFromEverythingIsADiscOfItsReach() {
		var r = derive(D1, List.of(), List.of(gain("e1", D1, 0, 0, 5000)), List.of());

		// a polygonal disc, simplified to 100 m: a few percent under the true circle
		assertThat(control(r).getArea()).isCloseTo(Math.PI * 5000 * 5000, withinPercentage(4));
		assertThat(control(r).contains(pt(0, 0))).isTrue();
	}

	@Test
	void aGainedPlaceBeyondTheFrontIsHeldAloneWithALineOfAdvanceNotTheLandBetween() {
		var r = derive(D1, List.of(snapshot(POCKET)), List.of(gain("e1", D1, 50_000, 10_000, 3000)), List.of());

		Geometry held = control(r);
		assertThat(held.getNumGeometries()).as("the pocket and the place, apart").isEqualTo(2);
		assertThat(held.contains(pt(50_000, 10_000))).isTrue();
		assertThat(held.contains(pt(35_000, 10_000))).as("no event supports the land between").isFalse();
		assertThat(r.advances()).hasSize(1);
		TerritoryDeriver.Advance advance = r.advances().get(0);
		assertThat(advance.eventId()).isEqualTo("e1");
		assertThat(advance.line().getLength()).as("from the old front to the place").isCloseTo(30_000, within(1.0));
	}

	@Test
	void aGainedPlaceBeyondTheAdvanceLimitHasNoLine() {
		var r = derive(D1, List.of(snapshot(POCKET)), List.of(gain("e1", D1, 120_000, 10_000, 3000)), List.of());

		assertThat(control(r).getNumGeometries()).isEqualTo(2);
		assertThat(r.advances()).isEmpty();
	}

	@Test
	void noDerivedLandLiesFartherFromItsSupportThanTheStatedDistance() {
		var java = new java.util.Random(7);
		var changes = new java.util.ArrayList<TerritoryDeriver.Change>();
		var support = new java.util.ArrayList<Geometry>();
		support.add(snapshot(POCKET).area());
		for (int i = 0; i < 25; i++) {
			double x = -40_000 + java.nextDouble() * 120_000;
			double y = -40_000 + java.nextDouble() * 100_000;
			double r = 2000 + java.nextDouble() * 18_000;
			changes.add(gain("e" + i, D1.minusDays(java.nextInt(3)), x, y, r));
			support.add(pt(x, y).buffer(TerritoryDeriver.MAX_SUPPORT_M + TerritoryDeriver.SIMPLIFY_M));
		}

		Geometry held = control(derive(D1, List.of(snapshot(POCKET)), changes, List.of()));

		Geometry unsupported = held.difference(org.locationtech.jts.operation.union.UnaryUnionOp.union(support));
		assertThat(unsupported.getArea()).as("held land beyond %d m of every supporting place and assessment",
				(int) TerritoryDeriver.MAX_SUPPORT_M).isLessThan(1.0);
	}

	@Test
	void aLostPlaceIsCutOutOfTheArea() {
		var lose = new TerritoryDeriver.Change("e2", D1, "a", "lost", pt(10_000, 10_000), 4000);

		var r = derive(D1, List.of(snapshot(POCKET)), List.of(lose), List.of());

		assertThat(control(r).contains(pt(10_000, 10_000))).isFalse();
		assertThat(control(r).getArea()).isCloseTo(400e6 - Math.PI * 16e6, within(2e6));
	}

	@Test
	void aGainBySideBTakesThePlaceFromSideA() {
		var r = derive(D1, List.of(snapshot(POCKET)), List.of(new TerritoryDeriver.Change("e3", D1, "b", "gained",
				pt(19_000, 10_000), 4000)), List.of());

		assertThat(control(r).contains(pt(19_000, 10_000))).isFalse();
	}

	@Test
	void changesApplyOnlyFromTheirDayOn() {
		var change = gain("e1", D1, 50_000, 10_000, 3000);

		assertThat(control(derive(D0, List.of(snapshot(POCKET)), List.of(change), List.of())).getArea())
			.isCloseTo(400e6, within(1e5));
		assertThat(derive(D0, List.of(snapshot(POCKET)), List.of(change), List.of()).areas().get(0).status())
			.isEqualTo("assessed");
		assertThat(derive(D1, List.of(snapshot(POCKET)), List.of(change), List.of()).areas().get(0).evidence())
			.containsExactly("snap", "e1");
	}

	@Test
	void fightingWithoutAChangeOfControlIsContestedWhileItLasts() {
		var fight = new TerritoryDeriver.Fighting("f1", D0, D0.plusDays(1), pt(30_000, 30_000), 3000);

		var during = derive(D0, List.of(snapshot(POCKET)), List.of(), List.of(fight));
		var after = derive(D1, List.of(snapshot(POCKET)), List.of(), List.of(fight));

		Area contested = during.areas().stream().filter(a -> a.kind().equals("contested")).findFirst().orElseThrow();
		assertThat(contested.geometry().contains(pt(30_000, 30_000))).isTrue();
		assertThat(contested.evidence()).containsExactly("f1");
		assertThat(after.areas()).noneMatch(a -> a.kind().equals("contested"));
	}

	@Test
	void theFrontLineIsTheEdgeOfTheAreaLessTheInternationalBorder() throws ParseException {
		Geometry border = wkt("POLYGON ((-50000 -50000, 100000 -50000, 100000 20000, -50000 20000, -50000 -50000))");

		var r = TerritoryDeriver.derive(D0, List.of(snapshot(POCKET)), List.of(), List.of(),
				TerritoryDeriver.Border.of(border), "a", F);

		assertThat(r.frontline().getLength()).as("three sides of the square; the fourth is the border")
			.isCloseTo(60_000 - 2 * TerritoryDeriver.BORDER_MARGIN_M, within(500.0));
		assertThat(r.areas()).allSatisfy(a -> assertThat(a.geometry().isValid()).isTrue());
	}

	@Test
	void aGainReportedOverDaysIsContestedFromItsFirstDayAndHeldFromItsLast() {
		// "b" holds a 40 km square; "a" is reported to take the place at its centre some time from D0 to D1
		var holder = new TerritoryDeriver.Snapshot("b-area", "b", D0.minusDays(10),
				F.toGeometry(new org.locationtech.jts.geom.Envelope(-20_000, 20_000, -20_000, 20_000)));
		var capture = new TerritoryDeriver.Change("e1", D0, D1, "a", "gained", pt(0, 0), 5000);

		var before = derive(D0.minusDays(1), List.of(holder), List.of(capture), List.of());
		assertThat(side(before, "b").contains(pt(0, 0))).as("before the window: b holds it").isTrue();
		assertThat(uncertain(before)).isEmpty();

		for (LocalDate day = D0; day.isBefore(D1); day = day.plusDays(1)) {
			var during = derive(day, List.of(holder), List.of(capture), List.of());
			assertThat(side(during, "b").contains(pt(0, 0))).as(day + ": b no longer plainly holds it").isFalse();
			assertThat(side(during, "b").contains(pt(15_000, 15_000))).as(day + ": b keeps the rest").isTrue();
			assertThat(during.areas().stream().anyMatch(a -> "a".equals(a.side()) && "control".equals(a.kind())))
				.as(day + ": a does not hold it yet").isFalse();
			Area open = uncertain(during).orElseThrow();
			assertThat(open.geometry().contains(pt(0, 0))).isTrue();
			assertThat(open.kind()).isEqualTo("contested");
			assertThat(open.validFrom()).isEqualTo(D0);
			assertThat(open.until()).as("the day it may have happened by").isEqualTo(D1);
			assertThat(open.evidence()).containsExactly("e1");
		}

		var after = derive(D1, List.of(holder), List.of(capture), List.of());
		assertThat(side(after, "a").contains(pt(0, 0))).as("from the window's last day: a holds it").isTrue();
		assertThat(side(after, "b").contains(pt(0, 0))).isFalse();
		assertThat(uncertain(after)).isEmpty();
	}

	@Test
	void aGainReportedOverDaysLeavesTheTakersOwnLandHeld() {
		// "a" holds the pocket; the place at its edge is reported taken from D0 to D1
		var edge = new TerritoryDeriver.Change("e1", D0.plusDays(1), D1, "a", "gained", pt(20_000, 10_000), 4000);

		var during = derive(D0.plusDays(2), List.of(snapshot(POCKET)), List.of(edge), List.of());

		assertThat(control(during).getArea()).as("a's pocket as before")
			.isCloseTo(wktArea(POCKET), withinPercentage(0.5));
		Geometry open = uncertain(during).orElseThrow().geometry();
		assertThat(open.contains(pt(22_000, 10_000))).isTrue();
		assertThat(open.intersection(control(during)).getArea()).as("not drawn over a's own land").isLessThan(1e5);
	}

	private static java.util.Optional<Area> uncertain(TerritoryDeriver.Result r) {
		return r.areas().stream().filter(a -> Area.UNCERTAIN.equals(a.status())).findFirst();
	}

	private static Geometry side(TerritoryDeriver.Result r, String side) {
		return r.areas().stream().filter(a -> side.equals(a.side()) && "control".equals(a.kind())).findFirst()
			.map(Area::geometry).orElse(F.createPolygon());
	}

	private static double wktArea(String wkt) {
		try {
			return wkt(wkt).getArea();
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static TerritoryDeriver.Result derive(LocalDate date, List<TerritoryDeriver.Snapshot> snapshots,
			List<TerritoryDeriver.Change> changes, List<TerritoryDeriver.Fighting> fights) {
		var r = TerritoryDeriver.derive(date, snapshots, changes, fights, null, "a", F);
		r.areas().forEach(a -> assertThat(a.geometry().isValid()).as("valid " + a.kind()).isTrue());
		return r;
	}

	private static Geometry control(TerritoryDeriver.Result r) {
		return r.areas().stream().filter(a -> "a".equals(a.side())).findFirst().orElseThrow().geometry();
	}

	private static TerritoryDeriver.Snapshot snapshot(String wkt) {
		try {
			return new TerritoryDeriver.Snapshot("snap", "a", D0, wkt(wkt));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static TerritoryDeriver.Change gain(String id, LocalDate day, double x, double y, double r) {
		return new TerritoryDeriver.Change(id, day, "a", "gained", pt(x, y), r);
	}

	private static Point pt(double x, double y) {
		return F.createPoint(new Coordinate(x, y));
	}

	private static Geometry wkt(String wkt) throws ParseException {
		return new WKTReader(F).read(wkt);
	}

}
