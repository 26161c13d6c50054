package org.conflictmap.database;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload is not an outage: the reads that use the database ({@code /api/**}, {@code /ogcapi/**}) are
 * let in {@code conflictmap.load.max-reads} at a time; one that finds them all busy waits up to
 * {@code conflictmap.load.queue-ms} for a turn and is then answered {@code 503} with {@code Retry-After}
 * and a problem+json body, at once, instead of queueing for the connection pool until that times out.
 * Exports (whole stores as files) are heavy: {@code conflictmap.load.max-exports} at a time, and one more
 * is told to come back at once. Writes are never shed here (they are few and need a login). Sits right
 * after {@link DatabaseOutage}, before the ETag and login filters that read the database themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LoadShedding extends OncePerRequestFilter {

	/** What a shed client is told to wait, in seconds. */
	static final int RETRY_AFTER_SECONDS = 1;

	static final int EXPORT_RETRY_AFTER_SECONDS = 10;

	private final Semaphore reads;

	private final Semaphore exports;

	private final long queueMillis;

	LoadShedding(@Value("${conflictmap.load.max-reads:16}") int maxReads,
			@Value("${conflictmap.load.queue-ms:1000}") long queueMillis,
			@Value("${conflictmap.load.max-exports:2}") int maxExports) {
		this.reads = new Semaphore(maxReads, true);
		this.exports = new Semaphore(maxExports);
		this.queueMillis = queueMillis;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		String path = request.getServletPath();
		return !("GET".equals(method) || "HEAD".equals(method))
				|| !(path.startsWith("/api/") || path.startsWith("/ogcapi"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean export = request.getServletPath().startsWith("/api/export/");
		if (export && !exports.tryAcquire()) {
			busy(response, EXPORT_RETRY_AFTER_SECONDS, "the service is writing as many exports as it takes at once ("
					+ "conflictmap.load.max-exports); try again in " + EXPORT_RETRY_AFTER_SECONDS + " seconds");
			return;
		}
		try {
			if (!acquireRead()) {
				readsBusy(response);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				reads.release();
			}
		}
		finally {
			if (export) {
				exports.release();
			}
		}
	}

	private boolean acquireRead() {
		try {
			return reads.tryAcquire(queueMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** 503 Busy for a read that found every turn taken (here, or the connection pool's). */
	static void readsBusy(HttpServletResponse response) throws IOException {
		busy(response, RETRY_AFTER_SECONDS, "the service is answering as many reads as it takes at once; "
				+ "nothing went wrong, try again in " + RETRY_AFTER_SECONDS + " second");
	}

	/** 503 with Retry-After: the service is busy, not broken; nothing was done. */
	private static void busy(HttpServletResponse response, int retryAfterSeconds, String detail) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Busy", detail);
	}

}
