package org.conflictmap.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.conflictmap.support.BrowserPages;
import org.conflictmap.support.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page in a real Chromium over the repository's seeds: the window slider and the player, the
 * moving territory, filters that the map, the list and the timeline agree on, popups from the list,
 * export, links and the back button, a phone-sized layout, and no script error anywhere. Writes the
 * README's screenshots ({@code -Dscreenshots.dir=docs} to refresh them; target/screenshots otherwise).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/map-browser-${random.uuid}")
class MapBrowserTest {

	private static final String HAMA_CONTESTED = "2024-12-05-rebels-say-they-are-entering-hama";

	@RegisterExtension
	static final BrowserPages browser = new BrowserPages();

	@LocalServerPort
	int port;

	private Page page;

	@Test
	void aLaterWindowShowsMoreEventsAndALargerOppositionArea() throws IOException {
		newPage(1280, 800);
		open("/?from=2024-11-20&to=2024-11-26");
		int early = shownCount();
		double earlyArea = territoryKm2();
		assertThat(page.locator("path.territory.control").count()).isPositive();
		assertThat(page.locator("path.frontline").count()).isPositive();
		assertThat(early).isEqualTo(apiCount("from=2024-11-20&to=2024-11-26"));

		open("/?from=2024-11-20&to=2024-12-05");

		assertThat(shownCount()).isGreaterThan(early).isEqualTo(apiCount("from=2024-11-20&to=2024-12-05"));
		assertThat(territoryKm2()).isGreaterThan(earlyArea);
		page.waitForFunction("() => document.querySelector('#movement').textContent.includes('since')");
		assertThat(page.locator("#movement").textContent()).as("the change since the first mapped day")
			.matches("since 26 Nov 2024: opposition \\+[\\d,]+ km², −[\\d,]+ km²");
		assertThat(page.locator("path.territory.contested").count()).as("Hama contested on 5 Dec").isPositive();
		assertThat(page.locator(".event-marker, .event-cluster").count()).isPositive();
		assertThat(page.locator(".country-label", new Page.LocatorOptions().setHasText("Syria")).isVisible())
			.as("the offline basemap draws and names the countries").isTrue();
		page.waitForTimeout(400); // the territory's fade-in
		BrowserPages.screenshot(page, "map.png");
	}

	@Test
	void everyScriptThePageLoadsIsAskedForAtOnceNotAfterTheModuleThatImportsIt() {
		newPage(1280, 800);
		open("/");
		@SuppressWarnings("unchecked")
		var loaded = (java.util.List<String>) page.evaluate("() => performance.getEntriesByType('resource')"
				+ ".map(e => new URL(e.name).pathname).filter(p => p.startsWith('/js/'))");
		@SuppressWarnings("unchecked")
		var preloaded = (java.util.List<String>) page.evaluate("() => [...document.querySelectorAll("
				+ "'link[rel=modulepreload]')].map(l => new URL(l.href).pathname)");
		@SuppressWarnings("unchecked")
		var scripts = (java.util.List<String>) page.evaluate("() => [...document.querySelectorAll("
				+ "'head script[type=module]')].map(s => new URL(s.src).pathname)");
		// index.html's module scripts and modulepreload list are main.js's module graph: none missing (fetched
		// late), none extra, none named twice
		assertThat(scripts).contains("/js/main.js", "/js/first-reads.js");
		var named = new java.util.ArrayList<>(preloaded);
		named.addAll(scripts);
		assertThat(named).doesNotHaveDuplicates();
		assertThat(new java.util.TreeSet<>(loaded)).isEqualTo(new java.util.TreeSet<>(named));
	}

	@Test
	void theSliderFollowsTheKeyboardAndTheUrlAndLayersFollowTheSlider() {
		newPage(1280, 800);
		open("/?from=2024-11-26&to=2024-12-05");
		var end = page.locator(".range-slider .thumb.end");
		assertThat(end.getAttribute("aria-valuetext")).isEqualTo("Thursday, 5 December 2024");
		assertThat(page.locator("#range-text").textContent()).isEqualTo("26 Nov 2024 – 5 Dec 2024 (10 days)");

		end.focus();
		page.keyboard().press("ArrowLeft");
		waitForRange("2024-11-26/2024-12-04");

		assertThat(page.url()).endsWith("?from=2024-11-26&to=2024-12-04");
		assertThat(end.getAttribute("aria-valuetext")).isEqualTo("Wednesday, 4 December 2024");
		assertThat(page.getAttribute("body", "data-territory-date")).isEqualTo("2024-12-04");
		assertThat(shownCount()).isEqualTo(apiCount("from=2024-11-26&to=2024-12-04"));

		page.keyboard().press("PageDown");
		waitForRange("2024-11-26/2024-11-27");
		assertThat(page.locator("#range-text").textContent()).isEqualTo("26 Nov 2024 – 27 Nov 2024 (2 days)");
		assertThat(shownCount()).isEqualTo(apiCount("from=2024-11-26&to=2024-11-27"));

		page.waitForTimeout(1100); // a pause makes the next key press a new step in history
		var window = page.locator(".range-slider .window");
		window.focus();
		page.keyboard().press("ArrowRight");
		waitForRange("2024-11-27/2024-11-28");

		page.goBack();
		waitForRange("2024-11-26/2024-11-27");
		assertThat(page.url()).endsWith("?from=2024-11-26&to=2024-11-27");
	}

	@Test
	void playMovesTheWindowDayByDayAndPauseStopsIt() {
		newPage(1280, 800);
		open("/?from=2024-11-26&to=2024-11-28");
		page.selectOption("#speed", "250");

		page.click("#play");
		waitForRange("2024-11-27/2024-11-29");
		waitForRange("2024-11-28/2024-11-30");
		page.click("#play");
		page.waitForSelector("body[data-playing=false]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		String paused = page.getAttribute("body", "data-range");
		page.waitForTimeout(800);

		assertThat(page.getAttribute("body", "data-range")).as("no step after pause").isEqualTo(paused);
		assertThat(page.locator("#play").getAttribute("aria-pressed")).isEqualTo("false");
		assertThat(page.locator("#range-text").textContent()).contains("(3 days)");
		assertThat(page.url()).contains("from=" + paused.substring(0, 10));

		page.click("#step-forward");
		waitForRange(shiftRange(paused, 1));
	}

	@Test
	void aTypeFilterIsAgreedByTheMapTheListTheTimelineAndTheLink() {
		newPage(1280, 800);
		open("/?from=2024-11-20&to=2024-12-06");
		int all = shownCount();

		page.uncheck("#type-battles");
		page.waitForFunction("n => Number(document.body.dataset.eventsLoaded) < n", all);
		page.uncheck("#type-explosions-remote-violence");
		int expected = apiCount("from=2024-11-20&to=2024-12-06&type=Strategic%20developments");
		page.waitForFunction("n => document.body.dataset.eventsLoaded === String(n)", expected);

		assertThat(page.url()).contains("type=Strategic+developments").doesNotContain("type=Battles");
		assertThat(page.locator("#status").textContent()).isEqualTo(expected + " events");
		assertThat(page.locator("#event-list .event-entry").count()).as("all of them are in view").isEqualTo(expected);
		assertThat(page.locator("#event-list .event-entry .meta").allTextContents())
			.filteredOn(t -> t.contains(" · ")).allMatch(t -> t.contains("Strategic developments"));
		@SuppressWarnings("unchecked")
		List<String> barTypes = (List<String>) page.locator("#timeline .timeline-bar")
			.evaluateAll("bars => bars.map(b => b.dataset.type)");
		assertThat(barTypes).isNotEmpty().containsOnly("Strategic developments");
		assertThat(page.locator("label:has(#type-battles) .count").textContent())
			.as("the legend still counts what is hidden").isEqualTo("5");

		page.fill("#q", "citadel");
		page.press("#q", "Enter");
		page.waitForFunction("() => document.body.dataset.eventsLoaded === '1'");
		assertThat(page.url()).contains("q=citadel");
		assertThat(page.locator("#event-list .event-entry h3").textContent()).contains("citadel");
		// the legend follows the search itself: every type's count is now of the events that match it
		int matching = apiCount("from=2024-11-20&to=2024-12-06&q=citadel");
		page.waitForFunction("n => [...document.querySelectorAll('.legend.types .count')]"
				+ ".reduce((sum, c) => sum + Number(c.textContent.replace(/\\D/g, '')), 0) === n", matching);
	}

	@Test
	void aFilterToggledWhileTheTerritoryLoadsStillFinishesTheDraw() {
		newPage(1280, 800);
		// the window's last day held back until the filter has changed (a slow answer, made certain)
		var held = new ArrayList<Route>();
		Pattern lastDay = Pattern.compile(".*/api/frontlines\\?date=2024-12-06$");
		page.route(lastDay, held::add);
		page.navigate("http://localhost:" + port + "/?from=2024-11-20&to=2024-12-06");
		page.waitForCondition(() -> !held.isEmpty());

		page.uncheck("#type-battles");
		page.waitForTimeout(200);
		page.unroute(lastDay);
		held.forEach(Route::resume);

		page.waitForFunction("() => document.body.dataset.territoryDate === '2024-12-06'");
		assertThat(page.locator("#status").textContent()).isNotEqualTo("Loading events…");
		assertThat(page.url()).doesNotContain("type=Battles");
		assertThat(page.locator("#territory").textContent()).contains(" on 6 Dec 2024");
	}

	@Test
	void theWindowsMovementIsSaidAndEveryAreaExplainsItself() throws IOException {
		newPage(1280, 800);
		open("/?from=2024-11-26&to=2024-12-05");

		page.waitForFunction("() => document.querySelector('#movement').textContent.includes('since')");
		double gained = HttpJson.get("http://localhost:" + port + "/api/frontlines/changes?from=2024-11-26&to=2024-12-05")
			.body().get("km2").get("opposition").get("gained").asDouble();
		assertThat(page.locator("#movement").textContent())
			.isEqualTo("since 26 Nov 2024: opposition +" + String.format(java.util.Locale.ROOT, "%,d", Math.round(gained))
					+ " km², −0 km²");
		assertThat(page.locator(".leaflet-territory-pane path.movement.gained").count()).isEqualTo(1);

		// the held area's popup: what it is and its evidence, the events among it shown in the list
		page.locator(".leaflet-territory-pane path.territory.control").first().dispatchEvent("click");
		var popup = page.locator(".area-popup");
		popup.waitFor();
		assertThat(popup.locator("strong").textContent()).isEqualTo("Held by Opposition forces (HTS-led offensive), derived from events");
		assertThat(popup.locator("a").first().textContent()).isEqualTo("assessment baseline-2024-11-26-idlib-pocket");
		BrowserPages.screenshot(page, "map-movement.png");
		popup.locator("button", new com.microsoft.playwright.Locator.LocatorOptions()
			.setHasText("2024-12-aleppo-captured-by-rebels")).click();
		page.waitForSelector("#event-list .selected");
		assertThat(page.locator("#event-list .selected").textContent()).contains("Rebels take Aleppo");

		// a capture still being reported is contested, and says until when
		page.keyboard().press("Escape");
		open("/?from=2024-11-26&to=2024-12-01");
		page.locator(".leaflet-territory-pane path.territory.contested").first().dispatchEvent("click");
		page.locator(".area-popup").waitFor();
		assertThat(page.locator(".area-popup strong").textContent())
			.isEqualTo("Contested: capture by Opposition forces (HTS-led offensive) reported, uncertain until 3 Dec 2024");
	}

	@Test
	void choosingAnEntryInTheListOpensItsPopupWithClaimsAndSources() throws IOException {
		newPage(1280, 800);
		open("/");

		page.locator("#event-list .event-entry[data-event-id='" + HAMA_CONTESTED + "'] h3").click();
		var popup = page.locator(".leaflet-popup .event-popup");
		popup.waitFor();

		assertThat(popup.locator("h3").textContent())
			.isEqualTo("Rebels say they are entering Hama; state media says the attack was repelled");
		assertThat(popup.textContent()).contains("5 Dec 2024")
			.contains("Place as reported: “Hama” (exact)")
			.contains("Syrian state media: Pro-government forces pushed back the attack on the city.")
			.contains("Amman");
		assertThat(popup.locator(".claim-status.contested").count()).isGreaterThanOrEqualTo(2);
		assertThat(page.locator(".event-entry.selected").getAttribute("data-event-id")).isEqualTo(HAMA_CONTESTED);
		assertThat(page.locator(".event-marker[data-event-id='" + HAMA_CONTESTED + "']").getAttribute("class"))
			.contains("claim-contested");

		page.locator(".event-marker[data-event-id='" + HAMA_CONTESTED + "']").hover();
		assertThat(page.locator(".event-entry.highlight").getAttribute("data-event-id")).isEqualTo(HAMA_CONTESTED);
		page.waitForFunction("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'");
		BrowserPages.screenshot(page, "map-popup.png");
	}

	@Test
	void exportDownloadsWhatTheMapShows() throws IOException {
		newPage(1280, 800);
		open("/?from=2024-12-01&to=2024-12-05&type=Battles");
		int shown = shownCount();

		page.click(".export summary");
		Download download = page.waitForDownload(() -> page.click("#export-menu a[data-format=geojson]"));
		JsonNode collection = JsonMapper.builder().build().readTree(Files.readString(download.path()));

		assertThat(download.suggestedFilename()).startsWith("conflict-map-events_2024-12-01_to_2024-12-05").endsWith(".geojson");
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.get("features").size()).isEqualTo(shown).isPositive();
		assertThat(page.locator("#export-menu a").allTextContents()).contains("CSV (ACLED columns)", "GeoPackage", "KML");
	}

	@Test
	void withNoNetworkBeyondTheServiceThePageWorksAndAsksForNothingElse() {
		newPage(1280, 800);
		var outside = new ArrayList<String>();
		browser.context().route(Pattern.compile("^(?!http://localhost:" + port + "/).*"), route -> {
			outside.add(route.request().url());
			route.abort();
		});
		open("/?from=2024-11-20&to=2024-12-05");

		assertThat(shownCount()).isPositive();
		assertThat(page.locator(".town-label", new Page.LocatorOptions().setHasText("Aleppo")).count()).isEqualTo(1);
		assertThat(outside).as("the default basemap needs no tile server").isEmpty();
		assertThat(page.locator(".leaflet-control-layers-base label").allTextContents())
			.anyMatch(t -> t.contains("OpenStreetMap"));
	}

	@Test
	void aLinkKeepsTheMapPositionAndTheFilters() {
		newPage(1280, 800);
		// status= is how links were written before the filter was named claim_status: they still work
		open("/?from=2024-12-01&to=2024-12-05&status=contested&center=35.1300,36.7600&zoom=11");

		assertThat(shownCount()).isEqualTo(1);
		assertThat(page.url()).contains("center=35.1300,36.7600&zoom=11");
		assertThat(page.locator(".leaflet-control-scale-line").textContent()).as("zoomed in to a town")
			.matches("\\d+ (m|km)").doesNotContain("20 km").doesNotContain("50 km");
		assertThat(page.isChecked("#status-contested")).isTrue();
		assertThat(page.isChecked("#status-reported")).isFalse();
	}

	@Test
	void onAPhoneThePanelIsADrawerOpenedFromTheHeader() throws IOException {
		newPage(390, 844);
		open("/?from=2024-11-20&to=2024-12-05");
		assertThat(page.isVisible("#panel")).isFalse();
		BrowserPages.screenshot(page, "map-phone.png");

		page.click("#panel-toggle");

		assertThat(page.isVisible("#panel")).isTrue();
		assertThat(page.getAttribute("#panel-toggle", "aria-expanded")).isEqualTo("true");
		assertThat(page.locator("#event-list .event-entry").count()).isPositive();
		BrowserPages.screenshot(page, "map-phone-panel.png");
	}

	@Test
	void theFrontlineOnFourDaysIsRenderedForTheReadme() throws IOException {
		newPage(1280, 800);
		for (String day : List.of("2024-11-26", "2024-11-30", "2024-12-03", "2024-12-05")) {
			open("/?from=2024-11-20&to=" + day);
			page.waitForFunction("d => document.body.dataset.territoryDate === d", day);
			page.waitForTimeout(400); // the fade between days
			assertThat(page.locator("#territory").textContent()).contains(" on " + dayInWords(day));
			BrowserPages.screenshot(page, "frontline-" + day + ".png");
		}
	}

	private void newPage(int width, int height) {
		page = browser.newPage(width, height);
	}

	private void open(String path) {
		BrowserPages.openMap(page, "http://localhost:" + port + path);
	}

	private void waitForRange(String range) {
		page.waitForFunction("r => document.body.dataset.range === r && document.body.dataset.eventsLoaded !== undefined", range);
	}

	/** The number of events the page says it shows. */
	private int shownCount() {
		return Integer.parseInt(page.getAttribute("body", "data-events-loaded"));
	}

	/** The opposition's area as the page writes it: "Opposition: 8,970 km² on 5 Dec 2024". */
	private double territoryKm2() {
		String text = page.locator("#territory").textContent();
		var m = Pattern.compile("Opposition: ([\\d,]+) km²").matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return Double.parseDouble(m.group(1).replace(",", ""));
	}

	private int apiCount(String query) {
		return HttpJson.get("http://localhost:" + port + "/api/events?" + query).body().get("numberMatched").asInt();
	}

	private static String shiftRange(String range, int days) {
		String[] parts = range.split("/");
		return java.time.LocalDate.parse(parts[0]).plusDays(days) + "/" + java.time.LocalDate.parse(parts[1]).plusDays(days);
	}

	private static String dayInWords(String iso) {
		var d = java.time.LocalDate.parse(iso);
		return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK)
				+ " " + d.getYear();
	}

}
