package org.conflictmap.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.conflictmap.support.Chromium;
import org.conflictmap.support.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map in a real Chromium: a symbol per event, a date filter that narrows them and lives in the URL,
 * popups with the claims, and no script errors. Also writes the README's screenshot
 * ({@code -Dscreenshots.dir=docs} to refresh it; target/screenshots otherwise).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/map-browser-${random.uuid}")
class MapBrowserTest {

	private static final String MARKERS = "path.event-marker";

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	private BrowserContext context;

	private Page page;

	private final List<String> scriptErrors = new ArrayList<>();

	@BeforeAll
	static void chromium() {
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
	}

	@AfterAll
	static void close() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
		context.setDefaultTimeout(10_000);
		page = context.newPage();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				scriptErrors.add("console: " + m.text() + " at " + m.location());
			}
		});
		page.onPageError(e -> scriptErrors.add("page: " + e));
	}

	@AfterEach
	void noScriptErrors() {
		context.close();
		assertThat(scriptErrors).as("console and page errors").isEmpty();
	}

	@Test
	void theMapShowsOneSymbolPerEventAndTheDateFilterShowsFewer() {
		int all = apiCount("");
		open("/");

		assertThat(page.locator(MARKERS).count()).isEqualTo(all);
		assertThat(page.locator("#status").textContent()).isEqualTo(all + " events");
		assertThat(page.locator(".country-label", new Page.LocatorOptions().setHasText("Syria")).isVisible())
			.as("the offline basemap draws and names the countries").isTrue();

		page.fill("#from", "2024-12-04");
		page.fill("#to", "2024-12-05");
		page.click("button[type=submit]");
		page.waitForFunction("() => document.getElementById('status').textContent.includes('from 2024-12-04')");

		int narrowed = apiCount("?from=2024-12-04&to=2024-12-05");
		assertThat(narrowed).isLessThan(all).isPositive();
		assertThat(page.locator(MARKERS).count()).isEqualTo(narrowed);
		assertThat(page.url()).endsWith("/?from=2024-12-04&to=2024-12-05");
	}

	@Test
	void aFilteredViewIsALinkAndTheBackButtonReturnsToTheLastView() {
		open("/?from=2024-11-20&to=2024-11-30");
		int early = page.locator(MARKERS).count();
		assertThat(early).isEqualTo(apiCount("?from=2024-11-20&to=2024-11-30")).isPositive();
		assertThat(page.inputValue("#from")).isEqualTo("2024-11-20");

		page.click("#reset");
		page.waitForFunction("n => document.querySelectorAll('path.event-marker').length > n", early);
		page.goBack();
		page.waitForFunction("n => document.querySelectorAll('path.event-marker').length === n", early);

		assertThat(page.inputValue("#to")).isEqualTo("2024-11-30");
	}

	@Test
	void aPopupShowsTheEventItsPlaceAsReportedAndWhoClaimsWhat() throws IOException {
		open("/");

		page.locator("[data-event-id='2024-12-05-rebels-say-they-are-entering-hama']").click();
		var popup = page.locator(".leaflet-popup .event-popup");
		popup.waitFor();

		assertThat(popup.locator("h3").textContent())
			.isEqualTo("Rebels say they are entering Hama; state media says the attack was repelled");
		assertThat(popup.textContent()).contains("5 Dec 2024")
			.contains("Place as reported: “Hama” (exact)")
			.contains("Syrian state media: Pro-government forces pushed back the attack on the city.")
			.contains("Amman");
		assertThat(popup.locator(".claim-status.contested").count()).isEqualTo(2);
		// let Leaflet's fade-in finish so the screenshot shows the popup as a user sees it
		page.waitForFunction("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'");
		screenshot("map.png");
	}

	@Test
	void aLaterRangeShowsMoreEventsAndALargerOppositionAreaAndTheFrontMoves() throws IOException {
		open("/?from=2024-11-20&to=2024-11-26");
		int early = page.locator(MARKERS).count();
		double earlyArea = territoryKm2();
		assertThat(page.locator("path.territory.control").count()).isPositive();
		assertThat(page.locator("path.frontline").count()).isPositive();

		open("/?from=2024-11-20&to=2024-12-05");

		assertThat(page.locator(MARKERS).count()).isGreaterThan(early);
		assertThat(territoryKm2()).isGreaterThan(earlyArea);
		assertThat(page.locator("path.territory.contested").count()).as("Hama contested on 5 Dec").isPositive();
	}

	@Test
	void theFrontlineOnFourDaysIsRenderedForTheReadme() throws IOException {
		for (String day : List.of("2024-11-26", "2024-11-30", "2024-12-03", "2024-12-05")) {
			open("/?from=2024-11-20&to=" + day);
			page.waitForFunction("d => document.body.dataset.territoryDate === d", day);
			assertThat(page.locator("#territory").textContent()).endsWith("on " + day);
			screenshot("frontline-" + day + ".png");
		}
	}

	/** The opposition's area as the page writes it: "Opposition: 8,970 km² on 2024-12-05". */
	private double territoryKm2() {
		String text = page.locator("#territory").textContent();
		var m = java.util.regex.Pattern.compile("Opposition: ([\\d,]+) km²").matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return Double.parseDouble(m.group(1).replace(",", ""));
	}

	private void open(String path) {
		page.navigate("http://localhost:" + port + path);
		page.waitForSelector("body[data-events-loaded]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(page.getAttribute("body", "data-events-loaded")).isNotEqualTo("error");
	}

	private int apiCount(String query) {
		return HttpJson.get("http://localhost:" + port + "/api/events" + query).body().get("features").size();
	}

	private void screenshot(String name) throws IOException {
		Path dir = Path.of(System.getProperty("screenshots.dir", "backend/target/screenshots"));
		Files.createDirectories(dir);
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)));
	}

}
