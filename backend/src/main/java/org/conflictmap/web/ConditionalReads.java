package org.conflictmap.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.conflictmap.database.DataVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ETags and caching for the reads whose answer depends only on the stored events and the request: the
 * event list, stats, exports, the OGC API items and the changes feed. The tag is a digest of the
 * database's data version, the address, the {@code Accept} header and who asks; so an unchanged answer
 * is a 304 without running the query, and every instance sharing the database gives the same tag and
 * sees a write at once. Anonymous answers may sit in a CDN for {@link #SHARED_MAX_AGE} seconds;
 * browsers always revalidate. Only successful answers carry the tag. Small anonymous answers are also
 * kept by tag in this instance's {@link ResponseCache}, so a repeated query is sent without being run.
 */
@Component
class ConditionalReads extends OncePerRequestFilter {

	/** Exactly these paths: single events carry their own version as the tag, frontlines their own. */
	private static final Pattern CACHED = Pattern.compile(
			"/api/events|/api/events/clusters|/api/stats|/api/changes|/api/export/[^/]+|/ogcapi/collections/[^/]+/items(/[^/]+)?"
					+ "|/ogcapi/collections/[^/]+/tiles/WebMercatorQuad/[0-9]+/[0-9]+/[0-9]+");

	/** How long a shared cache may serve an anonymous answer without asking. */
	/**
	 * The headers that describe a body, kept with it in the response cache: an export's file name, and the
	 * CRS of an OGC API answer's coordinates (Part 2).
	 */
	static final List<String> BODY_HEADERS = List.of(HttpHeaders.CONTENT_DISPOSITION, "Content-Crs");

	static final int SHARED_MAX_AGE = 30;

	static final String PUBLIC_CACHING = "public, max-age=0, s-maxage=" + SHARED_MAX_AGE + ", stale-while-revalidate=60";

	static final String PRIVATE_CACHING = "private, no-cache";

	private final DataVersion dataVersion;

	private final ResponseCache cache;

	/** Cacheable requests being answered, by tag: a second one like it waits for the first's answer. */
	private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

	/** How long a request waits for the same one in flight before answering it itself. */
	static final int IN_FLIGHT_WAIT_SECONDS = 30;

	ConditionalReads(DataVersion dataVersion, ResponseCache cache) {
		this.dataVersion = dataVersion;
		this.cache = cache;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method)) || !CACHED.matcher(request.getServletPath()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
		String etag = "W/\"" + digest(dataVersion.current(), request.getServletPath(), request.getQueryString(),
				request.getHeader(HttpHeaders.ACCEPT), user) + "\"";
		String caching = user.isEmpty() ? PUBLIC_CACHING : PRIVATE_CACHING;
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (EntityTags.noneMatchNames(ifNoneMatch, etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			tag(response, etag, caching);
			return;
		}
		if (EntityTags.noneMatchAny(ifNoneMatch)) {
			// "*": a 304 if there is an answer at all, which only the request itself can tell (it may be a 400)
			chain.doFilter(request, new AnyMatch(response, etag, caching));
			return;
		}
		boolean cacheable = user.isEmpty() && "GET".equals(request.getMethod());
		ResponseCache.Entry hit = cacheable ? cache.get(etag) : null;
		CompletableFuture<Void> computing = null;
		if (cacheable && hit == null) {
			// the same request already being answered: wait for that answer rather than run it again
			computing = new CompletableFuture<>();
			CompletableFuture<Void> first = inFlight.putIfAbsent(etag, computing);
			if (first != null) {
				computing = null;
				try {
					first.get(IN_FLIGHT_WAIT_SECONDS, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (ExecutionException | TimeoutException ex) {
					// answer it here after all
				}
				hit = cache.get(etag);
			}
		}
		if (hit != null) {
			tag(response, etag, caching);
			response.setContentType(hit.contentType());
			hit.headers().forEach(response::setHeader);
			response.setContentLength(hit.body().length);
			response.getOutputStream().write(hit.body());
			return;
		}
		var tagging = new Tagging(response, etag, caching, cacheable ? cache : null);
		try {
			chain.doFilter(request, tagging);
			byte[] body = tagging.captured();
			if (body != null && response.getStatus() == HttpServletResponse.SC_OK) {
				var headers = new java.util.LinkedHashMap<String, String>();
				for (String name : BODY_HEADERS) {
					if (response.getHeader(name) != null) {
						headers.put(name, response.getHeader(name));
					}
				}
				cache.put(etag, new ResponseCache.Entry(response.getContentType(), headers, body));
			}
		}
		finally {
			if (computing != null) {
				inFlight.remove(etag, computing);
				computing.complete(null);
			}
		}
	}


	/** The headers every tagged answer carries: its tag, how it may be cached, what it varies with. */
	private static void tag(HttpServletResponse response, String etag, String caching) {
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, caching);
		response.setHeader(HttpHeaders.VARY, "Accept, Authorization");
	}

	private static String digest(String... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/**
	 * For {@code If-None-Match: *}: a successful answer becomes a 304 with its tag and no body; any
	 * other answer (a 400, a 404) goes out as it is.
	 */
	private static final class AnyMatch extends HttpServletResponseWrapper {

		private final String etag;

		private final String caching;

		private boolean decided;

		private boolean discard;

		AnyMatch(HttpServletResponse response, String etag, String caching) {
			super(response);
			this.etag = etag;
			this.caching = caching;
		}

		private void decide() {
			if (decided) {
				return;
			}
			decided = true;
			if (getStatus() == HttpServletResponse.SC_OK) {
				discard = true;
				setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				tag(this, etag, caching);
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			decide();
			return discard ? new ServletOutputStream() {
				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(jakarta.servlet.WriteListener listener) {
				}

				@Override
				public void write(int b) {
				}

				@Override
				public void write(byte[] b, int off, int len) {
				}
			} : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			decide();
			return discard ? new PrintWriter(java.io.Writer.nullWriter()) : super.getWriter();
		}

		@Override
		public void setContentLength(int len) {
			if (!discard) {
				super.setContentLength(len);
			}
		}

		@Override
		public void setContentLengthLong(long len) {
			if (!discard) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			decide();
			super.flushBuffer();
		}

	}

	/** Puts the tag and caching on the response as its body starts, if the answer is a success. */
	private static final class Tagging extends HttpServletResponseWrapper {

		private final String etag;

		private final String caching;

		private boolean decided;

		/** Where a copy of the answer goes for the response cache; null when it is not to be kept. */
		private final ResponseCache cache;

		private ResponseCache.Capture capture;

		/** Set when the answer went out through a writer, which the cache does not copy. */
		private boolean written;

		Tagging(HttpServletResponse response, String etag, String caching, ResponseCache cache) {
			super(response);
			this.etag = etag;
			this.caching = caching;
			this.cache = cache;
		}

		/** The answer's bytes, when it was a success small enough to keep and was to be kept. */
		byte[] captured() {
			return capture == null || written || getStatus() != HttpServletResponse.SC_OK ? null : capture.bytes();
		}

		private void decide() {
			if (decided) {
				return;
			}
			decided = true;
			if (getStatus() == HttpServletResponse.SC_OK) {
				setHeader(HttpHeaders.ETAG, etag);
				if (getHeader(HttpHeaders.CACHE_CONTROL) == null) {
					setHeader(HttpHeaders.CACHE_CONTROL, caching);
				}
				addHeader(HttpHeaders.VARY, "Accept, Authorization");
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			decide();
			if (cache == null) {
				return super.getOutputStream();
			}
			if (capture == null) {
				capture = cache.capture(super.getOutputStream());
			}
			return capture;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			decide();
			written = true;
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			decide();
			super.flushBuffer();
		}

	}

}
