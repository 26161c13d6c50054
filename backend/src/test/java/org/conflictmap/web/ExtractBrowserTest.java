package org.conflictmap.web;

import java.io.IOException;
import java.nio.file.Files;

import com.microsoft.playwright.Page;
import org.conflictmap.support.BrowserPages;
import org.conflictmap.support.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * The editor's "From an article" panel in a real Chromium: paste the seed report (retold in our own words),
 * see its places, dates and actors marked, turn one proposal into the form with one click, save it as a
 * draft and find it in the curator's list, not on the public map. Writes docs/editor-article.png with
 * {@code -Dscreenshots.dir=docs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/extract-browser-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class ExtractBrowserTest {

	private static final String PASSWORD = "a-long-admin-password";

	@RegisterExtension
	static final BrowserPages browser = new BrowserPages();

	@LocalServerPort
	int port;

	@Test
	void aCuratorPastesAReportSeesItsMentionsAndSavesAProposalAsADraft() throws IOException {
		Page page = browser.newPage(1400, 1000);
		page.navigate(url("/login"));
		BrowserPages.logIn(page, "admin", PASSWORD);

		page.click("#article-panel summary");
		page.fill("#article-form textarea[name=text]", Files.readString(ExtractApiTest.RETOLD));
		page.fill("#article-form input[name=published]", "2024-12-05");
		page.fill("#article-form input[name=publisher]", "Wire report");
		page.click("#article-form button[type=submit]");
		page.waitForSelector("#article-drafts li");

		assertThat(page.locator("#article-text mark.m-place").allTextContents()).contains("Hama", "Aleppo", "north of Hama");
		assertThat(page.locator("#article-text mark.m-date").allTextContents()).contains("since Tuesday", "By Tuesday", "overnight");
		assertThat(page.locator("#article-text mark.m-actor").allTextContents()).contains("HTS", "Hayat Tahrir al-Sham (HTS)");
		assertThat(page.locator("#article-text mark.m-dateline").allTextContents()).containsExactly("Amman");
		assertThat(page.locator("#article-text").textContent()).as("the text as pasted, nothing lost")
			.isEqualTo(Files.readString(ExtractApiTest.RETOLD));
		BrowserPages.screenshot(page, "editor-article.png");

		page.locator("#article-drafts li", new Page.LocatorOptions().setHasText("north of Hama")).locator("button").click();
		assertThat(page.inputValue("[name=place_text]")).isEqualTo("north of Hama");
		assertThat(page.inputValue("[name=date_start]")).isEqualTo("2024-12-03");
		assertThat(page.inputValue("[name=event_type]")).isEqualTo("Battles");
		assertThat(page.inputValue("#sources li:first-child input[name=dateline]")).isEqualTo("Amman");
		page.waitForFunction("() => document.getElementById('geocode-preview').textContent.includes('gn:170017')");
		page.click("button[value=draft]");

		page.waitForSelector("#form-message:not([hidden])");
		assertThat(page.locator("#form-message").textContent()).isEqualTo("Saved version 1 (draft).");
		String id = page.url().substring(page.url().indexOf("id=") + 3);
		var entry = page.locator("#picker-list .pick[data-id='" + id + "']");
		assertThat(entry.locator(".badge").textContent()).isEqualTo("draft");
		JsonNode saved = HttpJson.send("GET", url("/api/events/" + id), "Authorization", basic("admin", PASSWORD)).json();
		assertThat(saved.get("properties").get("status").asString()).isEqualTo("draft");
		assertThat(saved.get("properties").get("place_id").asString()).isEqualTo("gn:170017");
		assertThat(HttpJson.send("GET", url("/api/events/" + id)).status()).as("a draft stays off the public reads").isEqualTo(404);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
