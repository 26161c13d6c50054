package org.conflictmap.web;

import java.io.IOException;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.conflictmap.support.BrowserPages;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * The editor in a real Chromium: log in through the form, write an event by typing its place, publish
 * it and find it on the public map, edit it and read two versions in its history; the conflict message
 * when someone else saved first; CSRF refused without the token. A hostile title is text everywhere
 * (BrowserPages fails the test on any dialog or script error). Writes docs/editor.png with
 * {@code -Dscreenshots.dir=docs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/editor-browser-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class EditorBrowserTest {

	private static final String PASSWORD = "a-long-admin-password";

	private static final String HOSTILE = "<img src=x onerror=alert(1)> Shelling north of Hama";

	@RegisterExtension
	static final BrowserPages browser = new BrowserPages();

	@LocalServerPort
	int port;

	private Page page;

	@Test
	void aCuratorLogsInWritesAnEventByTypingItsPlacePublishesItAndEditsIt() throws IOException {
		page = browser.newPage(1400, 900);
		page.navigate(url("/editor"));
		assertThat(page.url()).as("the editor asks for a login first").contains("/login");
		logIn("admin", PASSWORD);

		fill("title", HOSTILE);
		fill("summary", "Artillery hit the hills north of the city, according to a monitor.");
		page.selectOption("select[name=event_type]", "Explosions/Remote violence");
		page.selectOption("select[name=sub_event_type]", "Shelling/artillery/missile attack");
		fill("side_a", "Military Forces of Syria");
		fill("side_b", "Hayat Tahrir al-Sham");
		fill("date_start", "2024-12-04");
		fill("date_end", "2024-12-04");
		fill("place_text", "north of Hama");
		page.waitForFunction("() => document.getElementById('geocode-preview').textContent.includes('gn:170017')");
		assertThat(page.locator("#preview-map .leaflet-marker-icon").count()).as("the point on the map").isEqualTo(1);
		page.fill("#claims li:first-child input[name=by]", "Syrian Observatory for Human Rights");
		page.fill("#claims li:first-child input[name=statement]", "Shelling north of Hama.");
		page.fill("#sources li:first-child input[name=publisher]", "Test Wire");
		page.fill("#sources li:first-child input[name=published]", "2024-12-04");
		page.fill("#sources li:first-child input[name=url]", "https://example.org/report");
		page.click("button[value=published]");

		waitForMessage("Saved version 1 (published).");
		assertThat(page.locator("#form-heading").textContent()).isEqualTo("Editing: " + HOSTILE);
		String id = page.url().substring(page.url().indexOf("id=") + 3);
		assertThat(id).isEqualTo("2024-12-04-img-src-x-onerror-alert-1-shelling-north");
		assertThat(page.locator("#picker-list .pick[data-id='" + id + "'] .pick-title").textContent()).isEqualTo(HOSTILE);
		assertThat(page.locator(".form-column img, .picker img").count()).as("the title is text, not markup").isZero();

		BrowserPages.openMap(page, url("/?from=2024-12-01&to=2024-12-06"));
		var entry = page.locator("#event-list .event-entry[data-event-id='" + id + "'] h3");
		assertThat(entry.textContent()).as("published: on the public map, as text").isEqualTo(HOSTILE);
		assertThat(page.locator("img[src=x]").count()).isZero();

		page.navigate(url("/editor?id=" + id));
		waitForEditor();
		fill("summary", "Artillery and rockets hit the hills north of the city, according to a monitor.");
		page.click("button[value=published]");

		waitForMessage("Saved version 2 (published).");
		page.waitForSelector("#history li.version[data-version='2']");
		assertThat(page.locator("#history li.version").count()).isEqualTo(2);
		assertThat(page.locator("#history li.version[data-version='2'] .diff th").allTextContents()).contains("summary");
		assertThat(page.locator("#history li.version[data-version='2'] .diff td.after").first().textContent())
			.contains("Artillery and rockets");
		BrowserPages.screenshot(page, "editor.png");
	}

	@Test
	void whenSomeoneElseSavedFirstTheEditorSaysSoAndKeepsTheCuratorsText() {
		String airbase = """
				{"title": "Clash at the Hama airbase", "summary": "Fighting at the airbase.", "event_type": "Battles",
				 "sub_event_type": "Armed clash", "actors": {"side_a": ["Hayat Tahrir al-Sham"]},
				 "date_start": "2024-12-05", "date_end": "2024-12-05", "time_precision": 1, "place_text": "Hama",
				 "sources": [{"publisher": "Test Wire", "published": "2024-12-05"}], "status": "published"}""";
		Exchange created = HttpJson.sendJson("POST", url("/api/events"), airbase, "Authorization", basic("admin", PASSWORD));
		String location = created.header("Location");
		page = browser.newPage(1400, 900);
		page.navigate(url("/login"));
		logIn("admin", PASSWORD);
		page.navigate(url("/editor?id=" + location.substring(location.lastIndexOf('/') + 1)));
		waitForEditor();

		Exchange theirs = HttpJson.sendJson("PUT", url(location), airbase.replace("Fighting at the airbase.",
				"Fighting at the airbase, by another curator."), "Authorization", basic("admin", PASSWORD), "If-Match", "\"1\"");
		assertThat(theirs.status()).isEqualTo(200);
		fill("summary", "My own account of the fighting.");
		browser.expectConsoleError("status of 412");
		page.click("button[value=published]");

		page.waitForSelector("#conflict", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
		assertThat(page.locator("#conflict-text").textContent()).contains("Someone else saved version 2")
			.contains("while you were editing version 1").contains("your changes are still in the form");
		assertThat(page.inputValue("textarea[name=summary]")).isEqualTo("My own account of the fighting.");

		page.click("#conflict-overwrite");

		waitForMessage("Saved version 3 (published).");
		assertThat(HttpJson.get(url(location)).body().get("properties").get("summary").asString())
			.isEqualTo("My own account of the fighting.");
	}

	@Test
	void theLoginFormAndSessionWritesAreRefusedWithoutTheCsrfToken() {
		Exchange forged = HttpJson.sendJson("POST", url("/login"), "username=admin&password=" + PASSWORD, "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(forged.status()).as("a login posted from elsewhere").isEqualTo(403);

		page = browser.newPage(1200, 800);
		page.navigate(url("/login"));
		logIn("admin", PASSWORD);
		browser.expectConsoleError("status of 403");
		Object status = page.evaluate("""
				async () => (await fetch('/api/events/2024-12-05-rebels-say-they-are-entering-hama',
				    { method: 'DELETE', headers: { 'X-Requested-With': 'fetch' } })).status""");

		assertThat(status).as("a write riding on the session without the token").isEqualTo(403);
		assertThat(HttpJson.get(url("/api/events/2024-12-05-rebels-say-they-are-entering-hama")).status()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordLeavesTheCuratorAtTheFormWithAMessage() {
		page = browser.newPage(1200, 800);
		page.navigate(url("/login"));
		page.waitForSelector("#login-button:not([disabled])");
		page.fill("input[name=username]", "admin");
		page.fill("input[name=password]", "not-the-password");
		page.click("#login-button");

		page.waitForSelector("#login-message:not([hidden])");
		assertThat(page.locator("#login-message").textContent()).isEqualTo("Wrong name or password.");
		assertThat(page.url()).endsWith("/login?error");
	}

	private void logIn(String user, String password) {
		BrowserPages.logIn(page, user, password);
	}

	private void waitForEditor() {
		page.waitForSelector("body[data-editor-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
	}

	private void fill(String name, String value) {
		page.fill("[name=" + name + "]", value);
	}

	/** Waits for the form's message and checks it says {@code text}. */
	private void waitForMessage(String text) {
		page.waitForSelector("#form-message:not([hidden])");
		assertThat(page.locator("#form-message").textContent()).isEqualTo(text);
	}

	private String url(String path) {
		return path.startsWith("http") ? path : "http://localhost:" + port + path;
	}

}
