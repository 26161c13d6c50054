package org.conflictmap.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The map's page asked for once by the service itself, over loopback, as soon as it is ready: the page,
 * every stylesheet and script its head names, and the reads the map makes before it draws. A service
 * fresh from its start answers each kind of request slowly the first time (Tomcat, Spring's handlers and
 * filters, the static resources' lookup, gzip, the JSON writers and the database's plans, all loaded and
 * compiled on first use): at 100,000 events the page took 0.25-0.75 s and its scripts 0.5-1 s more on the
 * first visit (MapClustersBrowserTest's log), 10-20 ms each after. This moves that cost off the first
 * visitor. It runs in the background, one request at a time, and gives up quietly (logged at debug) on
 * anything it cannot reach; readiness does not wait for it, since a cold answer is still a right one.
 * Off with {@code conflictmap.warm-up=false}.
 */
@Component
public class WarmUp {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	/** The reads the map makes before its first draw, besides what the page's head names. */
	private static final List<String> MAP_READS = List.of("/api/map-settings", "/api/sides", "/api/frontlines/dates",
			"/api/stats", "/data/countries.geojson", "/api/basemap/labels");

	/** The same-site stylesheets, scripts, module preloads and icon of a page's head. */
	private static final Pattern HEAD_RESOURCE = Pattern
		.compile("<(?:link|script)\\b[^>]*?\\b(?:href|src)=\"(/[^\"/][^\"]*)\"");

	private final boolean enabled;

	private volatile boolean closed;

	public WarmUp(@Value("${conflictmap.warm-up:true}") boolean enabled) {
		this.enabled = enabled;
	}

	@EventListener
	public void ready(ApplicationReadyEvent ready) {
		// a command (an import from the terminal) has no web server, and no visitor
		if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)
				|| web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
			return;
		}
		String base = "http://127.0.0.1:" + web.getWebServer().getPort()
				+ web.getEnvironment().getProperty("server.servlet.context-path", "");
		var thread = new Thread(() -> run(base), "warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	@EventListener
	public void closing(ContextClosedEvent closing) {
		closed = true;
	}

	/** Asks for the page, what its head names and the map's reads; returns the paths answered with 200. */
	public List<String> run(String base) {
		long start = System.nanoTime();
		var answered = new ArrayList<String>();
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		try {
			String page = get(client, base, "/", answered);
			for (String path : paths(page == null ? "" : page)) {
				if (closed) {
					break;
				}
				get(client, base, path, answered);
			}
			log.info("Warmed up: {} of the map's first requests answered in {} ms", answered.size(),
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException ex) {
			log.debug("Warm-up stopped: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return answered;
	}

	/** The body of a 200 answer as text, or null; the path is added to {@code answered} on a 200. */
	private static String get(HttpClient client, String base, String path, List<String> answered)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			// as a browser asks: compressed, and JSON for the reads
			.header("Accept-Encoding", "gzip")
			.header("Accept", path.startsWith("/api/") ? "application/json" : "*/*")
			.GET()
			.build();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			log.debug("Warm-up: {} answered {}", path, response.statusCode());
			return null;
		}
		answered.add(path);
		boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
		byte[] body = response.body();
		if (gzip) {
			try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
				body = in.readAllBytes();
			}
		}
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** What is asked for after the page: the same-site paths its links and scripts name, then the map's reads. */
	public static List<String> paths(String page) {
		Set<String> paths = new LinkedHashSet<>();
		Matcher m = HEAD_RESOURCE.matcher(page);
		while (m.find()) {
			paths.add(m.group(1));
		}
		paths.addAll(MAP_READS);
		return List.copyOf(paths);
	}

}
