package org.conflictmap.web;

import com.microsoft.playwright.Page;
import org.conflictmap.support.BrowserPages;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.conflictmap.territory.GeoJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * The editor's territory mode in a real Chromium: a curator starts from the day's area, draws Maarat
 * al-Numan onto it with the map's drawing tools and publishes; the public territory of that day then
 * holds it as assessed land and its area grows; a save made to a version someone else has replaced gets
 * the conflict box, and the drawing stays. Writes docs/editor-territory.png with {@code -Dscreenshots.dir=docs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/territory-editor-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class TerritoryEditorBrowserTest {

	private static final String PASSWORD = "a-long-admin-password";

	private static final Coordinate MAARAT = new Coordinate(36.6725, 35.6436);

	@RegisterExtension
	static final BrowserPages browser = new BrowserPages();

	@LocalServerPort
	int port;

	private Page page;

	@Test
	void aCuratorDrawsMaaratAlNumanOntoTheAreaPublishesItAndAStaleSaveKeepsTheDrawing() throws java.io.IOException {
		double before = areaOn("2024-11-30");
		page = browser.newPage(1400, 900);
		page.navigate(url("/editor"));
		BrowserPages.logIn(page, "admin", PASSWORD);

		page.click("#mode-territory");
		page.waitForSelector("body[data-territory-shown='2024-11-30/opposition']",
				new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		String wholeRegion = page.getAttribute("body", "data-territory-bounds");
		page.click("#t-start");
		page.waitForFunction("b => document.body.dataset.territoryBounds !== b", wholeRegion);
		assertThat(page.locator("#territory-map .leaflet-overlay-pane path.leaflet-interactive").count())
			.as("the shown area, ready to edit").isPositive();

		// a square around Maarat al-Numan, drawn with Geoman's polygon tool
		page.click("#territory-map .leaflet-pm-icon-polygon");
		double d = 0.1;
		double[][] corners = { { -d, -d }, { d, -d }, { d, d }, { -d, d }, { -d, -d } };
		for (double[] c : corners) {
			double[] xy = pixel(MAARAT.x + c[0], MAARAT.y + c[1]);
			page.mouse().click(xy[0], xy[1]);
			page.waitForTimeout(100);
		}
		page.selectOption("#t-form select[name=confidence]", "high");
		page.fill("#t-form textarea[name=note]", "Rebels held Maarat al-Numan on 30 November.");
		page.fill("#t-form textarea[name=sources]", "A wire report of 30 November");
		BrowserPages.screenshot(page, "editor-territory.png");
		page.click("#t-form button[value=published]");
		page.waitForSelector("#t-message.ok");
		assertThat(page.locator("#t-message").textContent()).isEqualTo("Published: the map shows it from its day.");

		JsonNode day = HttpJson.get(url("/api/frontlines?date=2024-11-30")).body();
		JsonNode control = control(day);
		assertThat(GeoJson.polygonal(control.get("geometry"), "test").contains(new GeometryFactory().createPoint(MAARAT)))
			.as("Maarat al-Numan is held on the 30th").isTrue();
		assertThat(control.get("properties").get("status").asString()).isEqualTo("assessed");
		assertThat(control.get("properties").get("confidence").asString()).isEqualTo("high");
		assertThat(areaOn("2024-11-30")).as("the area grows").isGreaterThan(before + 50);
		String id = page.locator("#t-heading").textContent().replace("Assessment ", "");

		// someone else saves a new version meanwhile; this curator's next save is refused, the drawing kept
		Exchange current = HttpJson.send("GET", url("/api/territory/assessments/" + id));
		String theirs = current.body().replace("Rebels held Maarat al-Numan on 30 November.", "Checked again.");
		Exchange replaced = HttpJson.sendJson("PUT", url("/api/territory/assessments/" + id), theirs,
				"Authorization", basic("admin", PASSWORD), "If-Match", current.header("ETag"));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		browser.expectConsoleError("status of 412");
		page.fill("#t-form textarea[name=note]", "Mine, made to the old version.");
		page.click("#t-form button[value=published]");
		page.waitForSelector("#t-conflict:not([hidden])");
		assertThat(page.locator("#t-conflict-text").textContent()).contains("Someone else saved version 2");
		assertThat(page.locator("#t-form textarea[name=note]").inputValue()).isEqualTo("Mine, made to the old version.");
		assertThat(page.locator("#territory-map .leaflet-overlay-pane path.leaflet-interactive").count())
			.as("the drawing is kept").isPositive();

		BrowserPages.openMap(page, url("/?from=2024-11-26&to=2024-11-30"));
		page.waitForFunction("() => document.body.dataset.territoryDate === '2024-11-30'");
		assertThat(page.locator(".leaflet-territory-pane path.territory.control.assessed").count())
			.as("the public map draws it in the assessed style").isPositive();
	}

	/** Where (lon, lat) is on the page, from the territory map's box (Web Mercator between its edges). */
	private double[] pixel(double lon, double lat) {
		String[] b = page.getAttribute("body", "data-territory-bounds").split(",");
		double west = Double.parseDouble(b[0]);
		double south = Double.parseDouble(b[1]);
		double east = Double.parseDouble(b[2]);
		double north = Double.parseDouble(b[3]);
		var box = page.locator("#territory-map").boundingBox();
		double x = box.x + (lon - west) / (east - west) * box.width;
		double y = box.y + (mercator(north) - mercator(lat)) / (mercator(north) - mercator(south)) * box.height;
		return new double[] { x, y };
	}

	private static double mercator(double lat) {
		return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
	}

	private double areaOn(String day) {
		return HttpJson.get(url("/api/frontlines?date=" + day)).body().get("area_km2").get("opposition").asDouble();
	}

	private static JsonNode control(JsonNode day) {
		for (JsonNode f : day.get("features")) {
			if ("control".equals(f.get("properties").get("kind").asString())) {
				return f;
			}
		}
		throw new AssertionError("no control area in " + day);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
