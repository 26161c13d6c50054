package org.conflictmap.support;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Chromium for a test class ({@code @RegisterExtension static final BrowserPages browser = new
 * BrowserPages();}), and fresh pages in it that record every console error, page error and dialog. After
 * each test the page is closed and the test fails if any was recorded.
 */
public final class BrowserPages implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	private BrowserContext context;

	private final List<String> errors = new ArrayList<>();

	private final List<String> expected = new ArrayList<>();

	/** Starts Chromium (skips outside CI, fails in CI, where it is missing). */
	@Override
	public void beforeAll(ExtensionContext extension) {
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		if (context != null) {
			context.close();
			context = null;
		}
		var found = new ArrayList<>(errors);
		for (String fragment : expected) {
			found.stream().filter(e -> e.contains(fragment)).findFirst().ifPresent(found::remove);
		}
		errors.clear();
		expected.clear();
		assertThat(found).as("console and page errors, dialogs").isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		if (playwright != null) {
			playwright.close();
		}
	}

	/** A new page of this size in a new context (downloads accepted), listened to for errors. */
	public Page newPage(int width, int height) {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setAcceptDownloads(true));
		context.setDefaultTimeout(30_000);
		Page page = context.newPage();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				errors.add("console: " + m.text() + " at " + m.location());
			}
		});
		page.onPageError(e -> errors.add("page: " + e));
		page.onDialog(d -> {
			errors.add("dialog: " + d.message());
			d.dismiss();
		});
		return page;
	}

	/**
	 * Lets one console error containing {@code fragment} pass: the browser logs every refused request, so a
	 * test that means to be refused says so.
	 */
	public void expectConsoleError(String fragment) {
		expected.add(fragment);
	}

	/** The context of the last page, for routing requests. */
	public BrowserContext context() {
		return context;
	}

	/**
	 * Logs in through the form the page shows (the login page, or the editor's redirect to it) and waits
	 * until the editor's script has wired its buttons: a click before that would go nowhere.
	 */
	public static void logIn(Page page, String user, String password) {
		page.waitForSelector("#login-button:not([disabled])");
		page.fill("input[name=username]", user);
		page.fill("input[name=password]", password);
		page.click("#login-button");
		page.waitForURL("**/editor**");
		page.waitForSelector("body[data-editor-ready]",
				new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
	}

	/**
	 * Saves what the page shows as {@code name} in {@code -Dscreenshots.dir} (docs/ refreshes the README's),
	 * backend/target/screenshots by default.
	 */
	public static void screenshot(Page page, String name) throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("screenshots.dir", "backend/target/screenshots"));
		java.nio.file.Files.createDirectories(dir);
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)));
	}

	/**
	 * Presses ArrowRight on the focused slider part {@code n} times, waiting each time for the page to draw
	 * the new window; the milliseconds each step took, for the benchmarks' logs (never asserted).
	 */
	public static long[] sliderSteps(Page page, int n) {
		long[] ms = new long[n];
		for (int i = 0; i < n; i++) {
			String before = page.getAttribute("body", "data-range");
			long start = System.nanoTime();
			page.keyboard().press("ArrowRight");
			page.waitForFunction("r => document.body.dataset.range !== r", before);
			ms[i] = (System.nanoTime() - start) / 1_000_000;
		}
		return ms;
	}

	public static long median(long[] values) {
		long[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	public static long max(long[] values) {
		return java.util.Arrays.stream(values).max().orElse(0);
	}

	/** Opens the map at `url` and waits until it has drawn its events (and not an error). */
	public static void openMap(Page page, String url) {
		page.navigate(url);
		page.waitForSelector("body[data-events-loaded]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		assertThat(page.getAttribute("body", "data-events-loaded")).isNotEqualTo("error");
	}

}
