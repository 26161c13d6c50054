package org.conflictmap.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.microsoft.playwright.Page;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.support.BrowserPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map with 10,000 synthetic events over two years (and no seeds), a page of the API and so still
 * fetched whole (MapClustersBrowserTest takes over beyond that): the slider still follows the
 * keyboard (the time per step is logged, not asserted: speed is the benchmarks' business), and a hostile
 * title is shown as the characters it is, never run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/map-scale-${random.uuid}",
				"conflictmap.import-seeds-on-start=false" })
class MapScaleBrowserTest {

	/** With the hostile one, exactly a page of the API: the largest store the map still fetches whole. */
	static final int EVENTS = EventQuery.MAX_LIMIT - 1;

	static final String HOSTILE = "<img src=x onerror=alert(1)> & <script>alert(2)</script>";

	/** Towns the synthetic events cluster around: lon, lat. */
	private static final double[][] TOWNS = { { 37.16, 36.20 }, { 36.76, 35.13 }, { 36.72, 34.73 }, { 36.29, 33.51 },
			{ 36.63, 35.93 }, { 35.78, 35.52 }, { 39.01, 35.95 }, { 40.14, 35.34 }, { 40.75, 36.50 }, { 36.10, 32.63 } };

	private static final String[][] TYPES = { { "Battles", "Armed clash" },
			{ "Explosions/Remote violence", "Shelling/artillery/missile attack" },
			{ "Explosions/Remote violence", "Air/drone strike" }, { "Violence against civilians", "Attack" },
			{ "Protests", "Peaceful protest" }, { "Strategic developments", "Arrests" } };

	private static final String[] STATUSES = { "reported", "reported", "reported", "confirmed", "contested", "denied" };

	@RegisterExtension
	static final BrowserPages browser = new BrowserPages();

	@LocalServerPort
	int port;

	@Autowired
	EventRepository repository;

	@Autowired
	TransactionTemplate transaction;

	private Page page;

	@BeforeEach
	void tenThousandEvents() {
		if (repository.count(EventQuery.all()) == 0) {
			transaction.executeWithoutResult(s -> synthetic().forEach(e -> repository.insert(e, "test", null, "test")));
		}
		page = browser.newPage(1280, 800);
	}

	@Test
	void theSliderFollowsTheKeyboardWithTenThousandEvents() {
		open("/?from=2024-06-01&to=2024-06-30");
		int inMonth = Integer.parseInt(page.getAttribute("body", "data-events-loaded"));
		long[] monthSteps = steps(".range-slider .window", 15);

		open("/");
		int all = Integer.parseInt(page.getAttribute("body", "data-events-loaded"));
		assertThat(all).as("one page of the API, every event").isEqualTo(EventQuery.MAX_LIMIT);
		assertThat(page.locator("#status").textContent()).isEqualTo("10,000 events");
		assertThat(page.getAttribute("body", "data-mode")).isEqualTo("events");
		page.locator(".range-slider .thumb.start").focus();
		long[] allSteps = steps(".range-slider .thumb.start", 10);

		System.out.printf("map-scale: %,d events; a 30-day window (%,d events) moved by ArrowRight: median %d ms, max %d ms"
				+ " per step; the whole span (%,d events) narrowed a day at a time: median %d ms, max %d ms per step%n",
				all, inMonth, BrowserPages.median(monthSteps), BrowserPages.max(monthSteps), all, BrowserPages.median(allSteps), BrowserPages.max(allSteps));
		assertThat(page.url()).contains("from=");
	}

	@Test
	void aHostileTitleIsShownAsTextAndNeverRuns() {
		open("/?from=2024-06-15&to=2024-06-15&q=onerror");
		assertThat(page.getAttribute("body", "data-events-loaded")).isEqualTo("1");

		var entry = page.locator("#event-list .event-entry h3");
		assertThat(entry.textContent()).isEqualTo(HOSTILE);
		entry.click();
		var popup = page.locator(".leaflet-popup .event-popup h3");
		popup.waitFor();

		assertThat(popup.textContent()).isEqualTo(HOSTILE);
		assertThat(page.locator("img[src=x]").count()).as("no element was made from the title").isZero();
		assertThat(page.locator("body script:not([src])").count()).isZero();
		page.waitForTimeout(300); // an onerror handler would have fired by now
	}

	/** Presses ArrowRight on the element `n` times, timing each step (BrowserPages.sliderSteps). */
	private long[] steps(String selector, int n) {
		page.locator(selector).focus();
		return BrowserPages.sliderSteps(page, n);
	}

	private void open(String path) {
		BrowserPages.openMap(page, "http://localhost:" + port + path);
	}

	/** 10,000 events around ten towns over 2023–2024, seeded so every run draws the same map; one hostile title. */
	static List<Event> synthetic() {
		var random = new Random(20241127);
		var wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
		var events = new ArrayList<Event>(EVENTS + 1);
		LocalDate first = LocalDate.parse("2023-01-01");
		for (int i = 0; i < EVENTS; i++) {
			double[] town = TOWNS[random.nextInt(TOWNS.length)];
			String[] type = TYPES[random.nextInt(TYPES.length)];
			LocalDate day = first.plusDays(random.nextInt(731));
			int precision = 1 + random.nextInt(3);
			var point = wgs84.createPoint(new Coordinate(town[0] + random.nextGaussian() * 0.15,
					town[1] + random.nextGaussian() * 0.15));
			events.add(event("synthetic-" + i, "Synthetic event " + i, type, day, precision, point,
					STATUSES[random.nextInt(STATUSES.length)]));
		}
		events.add(event("hostile", HOSTILE, TYPES[0], LocalDate.parse("2024-06-15"), 1,
				wgs84.createPoint(new Coordinate(37.16, 36.20)), "reported"));
		return events;
	}

	private static Event event(String id, String title, String[] type, LocalDate day, int precision,
			org.locationtech.jts.geom.Point point, String status) {
		return new Event(id, title, "Generated for the scale test.", type[0], type[1],
				new Event.Actors(List.of("Synthetic actor " + id.hashCode() % 7), List.of(), List.of()), day, day, 1,
				"near a town", new Event.Geocode(null, precision, "pinned", 1.0, "synthetic", List.of()), "SY", null, point,
				null, List.of(new Event.Claim("Someone", "It happened.", status)),
				List.of(new Event.Source("Generator", day, null, null)), null, "published", 0, Instant.EPOCH, Instant.EPOCH);
	}

}
