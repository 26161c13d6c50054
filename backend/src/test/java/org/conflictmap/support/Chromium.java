package org.conflictmap.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java (Playwright never downloads a browser here). Browser
 * tests skip with a message on a machine without Chromium, and fail in CI.
 */
public final class Chromium {

	public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	/**
	 * Flags a headless Chromium needs here: no sandbox (CI runs as root), and nothing that calls out to
	 * the network by itself (QUIC, background updates, sync), since the machines reach no other server.
	 */
	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private Chromium() {
	}

	/** Starts Playwright; skips (outside CI) or fails (in CI) when Chromium is not installed. */
	public static Playwright playwright() {
		if (!Files.isExecutable(EXECUTABLE)) {
			String message = "Chromium is not installed at " + EXECUTABLE + "; .ci/run installs Debian's chromium";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail("CI=true and " + message);
			}
			Assumptions.abort("skipped: " + message);
		}
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
	}

}
