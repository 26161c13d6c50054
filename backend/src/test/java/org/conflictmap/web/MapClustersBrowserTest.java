package org.conflictmap.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import org.conflictmap.bulk.BulkFormat;
import org.conflictmap.bulk.BulkImporter;
import org.conflictmap.bulk.SyntheticAcled;
import org.conflictmap.ConflictMapApplication;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.support.BrowserPages;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map over 100,000 synthetic ACLED events (2023–2024, imported as a user would) on PostGIS, the store
 * for data of this size: too many to send whole, so it draws the server's clusters of the view, whose
 * counts add up to what the API matches, and switches to the events themselves once the view holds few.
 * Times to first draw and per slider step are logged (bench/README.md quotes them), not asserted.
 */
class MapClustersBrowserTest {

	static final int EVENTS = 100_000;

	private static final String SCHEMA = "map_clusters_test";

	@RegisterExtension
	static final BrowserPages browser = new BrowserPages();

	private static ConfigurableApplicationContext app;

	private static int port;

	private Page page;

	@BeforeAll
	static void hundredThousandEventsOnPostgis() {
		TestDatabases.requirePostgis();
		JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD))
			.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE")
			.update();
		app = new SpringApplicationBuilder(ConflictMapApplication.class).run("--server.port=0",
				"--spring.profiles.active=postgis", "--spring.datasource.url=" + TestDatabases.schemaUrl(SCHEMA),
				"--spring.flyway.schemas=" + SCHEMA, "--conflictmap.import-seeds-on-start=false");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		var csv = new ByteArrayOutputStream();
		new SyntheticAcled(Gazetteer.loadDefault(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31))
			.write(csv, EVENTS, 42);
		app.getBean(BulkImporter.class).importCsv(new ByteArrayInputStream(csv.toByteArray()), csv.size(),
				"synthetic.csv", BulkFormat.ACLED, "test", BulkImporter.Progress.NONE);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@BeforeEach
	void newPage() {
		page = browser.newPage(1280, 800);
	}

	@Test
	void aHundredThousandEventsAreDrawnAsClustersThatAddUpAndTheSliderStillSteps() throws java.io.IOException {
		// a visitor's browser is running before they open the map: the first page of a Chromium just started
		// (its renderer and services starting up, 0.1-0.3 s here whatever the page) is timed apart, in a context
		// of its own, so the visitor's context below starts as empty as a new visitor's
		long start = System.nanoTime();
		page.navigate("data:text/html,<title>A page before the map</title>");
		long browserStartMs = (System.nanoTime() - start) / 1_000_000;
		page.context().close();
		page = browser.newPage(1280, 800);
		start = System.nanoTime();
		open("/");
		long firstDrawMs = (System.nanoTime() - start) / 1_000_000;
		// what the first draw waited for: each request the page made, from the navigation's start (ms)
		Object requests = page.evaluate("() => performance.getEntriesByType('resource').concat(performance"
				+ ".getEntriesByType('navigation')).map(e => { const u = new URL(e.name);"
				+ " const name = u.pathname.startsWith('/api/') ? u.pathname + u.search.slice(0, 40) : u.pathname;"
				+ " return name + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd); }).join(', ')");

		assertThat(page.getAttribute("body", "data-mode")).isEqualTo("clusters");
		assertThat(page.getAttribute("body", "data-events-loaded")).isEqualTo(String.valueOf(EVENTS));
		assertThat(clusterCounts()).as("every event is in one cluster on the page").isEqualTo(EVENTS);
		assertThat(page.locator("#status").textContent()).startsWith("100,000 events in view, in ")
			.endsWith(" clusters: zoom in to see each one");
		assertThat(page.locator("#list-heading").textContent()).isEqualTo("100,000 events in view");
		// the legend counts the window shown, as the API counts it (the first view takes those counts from
		// the answer it asked for the slider's bounds: one request for stats, not two)
		String[] shown = page.getAttribute("body", "data-range").split("/");
		var stats = HttpJson.get(api("/api/stats?from=" + shown[0] + "&to=" + shown[1])).body();
		for (String type : java.util.List.of("Battles", "Protests")) {
			assertThat(page.locator("label:has(#type-" + type.toLowerCase(java.util.Locale.ROOT) + ") .count").textContent())
				.as("the legend's count of " + type).isEqualTo(String.format(java.util.Locale.ROOT, "%,d",
						stats.get("by_type").get(type).asLong()));
		}
		assertThat(requests.toString()).as("the first view asked for stats once")
			.containsOnlyOnce("/api/stats");
		BrowserPages.screenshot(page, "map-clusters.png");

		// a second visitor of the same view, in a browser of their own (nothing cached in it): the service's
		// answers to that view are in its response cache now
		page.context().close();
		page = browser.newPage(1280, 800);
		start = System.nanoTime();
		open("/");
		long secondDrawMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(clusterCounts()).isEqualTo(EVENTS);

		String window = "from=2024-01-01&to=2024-06-30&type=Battles";
		long matched = HttpJson.get(api("/api/events?" + window + "&limit=1")).body().get("numberMatched").asLong();
		open("/?" + window);
		assertThat(page.getAttribute("body", "data-mode")).isEqualTo("clusters");
		assertThat(clusterCounts()).as("the same filters, the same count as the API").isEqualTo(matched);

		open("/");
		page.locator(".range-slider .thumb.start").focus();
		long[] steps = BrowserPages.sliderSteps(page, 10);
		System.out.printf("map-clusters: first draw's requests, from its navigation (ms): %s%n", requests);
		System.out.printf("map-clusters: %,d events in view; first draw %d ms (a second visitor's %d ms; the browser's"
				+ " own first page before them %d ms); the start of the window moved a day at a time: median %d ms,"
				+ " max %d ms per step (%s)%n", EVENTS, firstDrawMs, secondDrawMs, browserStartMs, BrowserPages.median(steps),
				BrowserPages.max(steps), java.util.Arrays.toString(steps));
	}

	@Test
	void zoomedInOnATownTheViewsEventsAreDrawnAndListedOneByOne() {
		// Ar Raqqah at zoom 13 over one month: a few dozen events
		open("/?from=2024-06-01&to=2024-06-30&center=35.952,39.012&zoom=13");

		assertThat(page.getAttribute("body", "data-mode")).isEqualTo("events");
		int drawn = Integer.parseInt(page.getAttribute("body", "data-events-loaded"));
		assertThat(drawn).isPositive().isLessThanOrEqualTo(2000);
		assertThat(page.locator(".server-cluster").count()).isZero();
		assertThat(page.locator("#status").textContent()).isEqualTo(String.format("%,d events in view", drawn));
		assertThat(page.locator("#event-list .event-entry").count()).isPositive();

		open("/?from=2024-06-01&to=2024-06-30&center=35.952,39.012&zoom=7");
		assertThat(page.getAttribute("body", "data-mode")).as("the whole country: clusters again").isEqualTo("clusters");
		long inCountry = Long.parseLong(page.getAttribute("body", "data-events-loaded"));
		assertThat(clusterCounts()).isEqualTo(inCountry);

		// the largest cluster on screen (those in the margin around the view are drawn too)
		Object largest = page.evaluate("() => { const map = document.getElementById('map').getBoundingClientRect();"
				+ " return [...document.querySelectorAll('.server-cluster')].filter(e => { const r = e.getBoundingClientRect();"
				+ " return r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom; })"
				+ ".sort((a, b) => b.dataset.count - a.dataset.count)[0].dataset.clusterId; }");
		page.locator("[data-cluster-id='" + largest + "']").click();
		page.waitForFunction("n => document.body.dataset.mode === 'events' || Number(document.body.dataset.eventsLoaded) < n",
				(int) inCountry);
		assertThat(page.url()).as("the cluster zoomed the map in").doesNotContain("zoom=7");
	}

	@Test
	void aSmallMoveOfTheMapAsksForNothingNewAndALongerOneDoes() {
		open("/?from=2024-06-01&to=2024-06-30");
		assertThat(page.getAttribute("body", "data-mode")).isEqualTo("clusters");
		long before = clusterCounts();
		var asked = new java.util.concurrent.CopyOnWriteArrayList<String>();
		page.onRequest(r -> {
			if (r.url().contains("/api/events")) {
				asked.add(r.url());
			}
		});
		page.evaluate("() => delete document.body.dataset.drawMs");

		// one arrow key: the map pans 80 pixels, still inside the area its clusters were fetched for (the view
		// widened to whole blocks of 480 pixels)
		page.focus("#map");
		page.keyboard().press("ArrowRight");
		page.waitForFunction("() => location.search.includes('center=')");
		page.waitForTimeout(300); // as long as a fetch would take to be asked
		assertThat(asked).as("nothing fetched for a small move").isEmpty();
		assertThat(page.getAttribute("body", "data-draw-ms")).isNull();
		assertThat(clusterCounts()).isEqualTo(before);

		// ten more: 880 pixels, past the area's edge
		for (int i = 0; i < 10; i++) {
			page.keyboard().press("ArrowRight");
		}
		page.waitForSelector("body[data-draw-ms]", new Page.WaitForSelectorOptions()
			.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		assertThat(asked).as("the new area's clusters").isNotEmpty().allMatch(u -> u.contains("/api/events/clusters?"));
	}

	/** The counts on the cluster circles drawn, added up. */
	private long clusterCounts() {
		Object counts = page.evaluate("() => [...document.querySelectorAll('.server-cluster')]"
				+ ".map(e => Number(e.dataset.count))");
		return ((java.util.List<?>) counts).stream().mapToLong(n -> ((Number) n).longValue()).sum();
	}

	private void open(String path) {
		BrowserPages.openMap(page, api(path));
	}

	private String api(String path) {
		return "http://localhost:" + port + path;
	}

}
