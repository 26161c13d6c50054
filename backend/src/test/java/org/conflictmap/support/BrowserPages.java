package org.conflictmap.support;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One Chromium for a test class, and fresh pages in it that record every console error, page error and
 * dialog: a browser test ends by asserting {@link #closePage()} found none.
 */
public final class BrowserPages implements AutoCloseable {

	private final Playwright playwright;

	private final Browser browser;

	private BrowserContext context;

	private final List<String> errors = new ArrayList<>();

	private BrowserPages(Playwright playwright) {
		this.playwright = playwright;
		this.browser = Chromium.launch(playwright);
	}

	/** Starts Chromium (skips outside CI, fails in CI, where it is missing). */
	public static BrowserPages launch() {
		return new BrowserPages(Chromium.playwright());
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

	/** The context of the last page, for routing requests. */
	public BrowserContext context() {
		return context;
	}

	/** Closes the last page's context; returns the errors recorded since the last call. */
	public List<String> closePage() {
		if (context != null) {
			context.close();
			context = null;
		}
		var found = List.copyOf(errors);
		errors.clear();
		return found;
	}

	@Override
	public void close() {
		playwright.close();
	}

}
