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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.event.EventsImported;
import org.conflictmap.frontline.FrontlineService;
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
 * first visit (MapClustersBrowserTest's log), 10-20 ms each after. The reads are asked for as the map asks
 * ({@link #MAP_ACCEPT}), so their answers wait in the response cache (ConditionalReads) for the first
 * visitor, or that visitor's request joins the one in flight; after each import this service ran
 * ({@link EventsImported}) the whole store's stats are asked for again, for the new data version (they
 * took 0.6-0.9 s at 100,000 events). It runs in the background, one request at a time, and gives up
 * quietly (logged at debug) on anything it cannot reach; readiness does not wait for it, since a cold
 * answer is still a right one. The territory a first map asks for is derived at the same moments
 * ({@link FrontlineService#warmUp}). Off with {@code conflictmap.warm-up=false}.
 */
@Component
public class WarmUp {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	/** The {@code Accept} header of the map's reads (frontend js/api.js): part of a cached answer's tag. */
	public static final String MAP_ACCEPT = "application/geo+json, application/json";

	/** The reads the map makes before its first draw, besides what the page's head names. */
	private static final List<String> MAP_READS = List.of("/api/map-settings", "/api/sides", "/api/frontlines/dates",
			"/api/stats", "/data/countries.geojson", "/api/basemap/labels");

	/** The same-site stylesheets, scripts, module preloads and icon of a page's head. */
	private static final Pattern HEAD_RESOURCE = Pattern
		.compile("<(?:link|script)\\b[^>]*?\\b(?:href|src)=\"(/[^\"/][^\"]*)\"");

	/**
	 * What is asked for again after an import: the whole store's stats, the one first read that depends on
	 * the events and is kept by the response cache (the territory has a warm-up of its own in FrontlineService).
	 */
	private static final List<String> DATA_READS = List.of("/api/stats");

	private final boolean enabled;

	/** One warm-up at a time, and at most one waiting (it asks for the newest data, like any after it). */
	private final ThreadPoolExecutor runs = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1), r -> {
				var thread = new Thread(r, "warm-up");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	/** The service's own address, once it is serving. */
	private volatile String base;

	private volatile HttpClient client;

	/** Whether this is the service (not a command): then it warms up after its start and each import. */
	private volatile boolean serving;

	private volatile boolean closed;

	private final FrontlineService frontlines;

	public WarmUp(@Value("${conflictmap.warm-up:true}") boolean enabled, FrontlineService frontlines) {
		this.enabled = enabled;
		this.frontlines = frontlines;
	}

	@EventListener
	public void ready(ApplicationReadyEvent ready) {
		// a command (an import from the terminal) has no web server, and no visitor
		if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)
				|| web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
			return;
		}
		serving = true;
		frontlines.warmUp();
		var env = web.getEnvironment();
		boolean tls = !"false".equals(env.getProperty("server.ssl.enabled"))
				&& (env.containsProperty("server.ssl.key-store") || env.containsProperty("server.ssl.certificate")
						|| env.containsProperty("server.ssl.bundle"));
		if (tls) {
			log.info("No warm-up of the page: the service speaks HTTPS, whose certificate is not for 127.0.0.1");
			return;
		}
		client = client();
		base = "http://127.0.0.1:" + web.getWebServer().getPort()
				+ env.getProperty("server.servlet.context-path", "");
		runs.execute(() -> run(base));
	}

	@EventListener
	public void imported(EventsImported imported) {
		if (!serving) {
			return;
		}
		frontlines.warmUp();
		String own = base;
		if (own != null) {
			runs.execute(() -> askAgain(own, DATA_READS));
		}
	}

	@EventListener
	public void closing(ContextClosedEvent closing) {
		closed = true;
		runs.shutdownNow();
	}

	/** Asks for the page, what its head names and the map's reads; returns the paths answered with 200. */
	public List<String> run(String base) {
		HttpClient client = this.client == null ? client() : this.client;
		var answered = new ArrayList<String>();
		try {
			String page = get(client, base, "/", answered);
			answered.addAll(ask(client, base, paths(page == null ? "" : page)));
		}
		catch (IOException ex) {
			log.debug("Warm-up stopped: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return answered;
	}

	/** Asks for the paths again (after an import), quietly: nothing waits for the answers. */
	private void askAgain(String base, List<String> paths) {
		try {
			ask(client, base, paths);
		}
		catch (IOException ex) {
			log.debug("Warm-up stopped: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Asks for each path in turn; returns those answered with 200. */
	private List<String> ask(HttpClient client, String base, List<String> paths)
			throws IOException, InterruptedException {
		long start = System.nanoTime();
		var answered = new ArrayList<String>();
		for (String path : paths) {
			if (closed) {
				break;
			}
			get(client, base, path, answered);
		}
		log.info("Warmed up: {} of {} of the map's first requests answered in {} ms", answered.size(), paths.size(),
				(System.nanoTime() - start) / 1_000_000);
		return answered;
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The body of a 200 answer as text, or null; the path is added to {@code answered} on a 200. */
	private static String get(HttpClient client, String base, String path, List<String> answered)
			throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			// as the browser asks: compressed, and the reads as the map's scripts ask for them
			.header("Accept-Encoding", "gzip")
			.header("Accept", path.startsWith("/api/") || path.startsWith("/data/") ? MAP_ACCEPT : "*/*")
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
