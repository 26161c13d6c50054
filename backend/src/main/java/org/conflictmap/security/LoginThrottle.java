package org.conflictmap.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without letting anyone lock a curator out. Two rules, each over the last
 * {@link #WINDOW}:
 * <ul>
 * <li>An address with {@link #MAX_FAILURES} failed logins (any account names) is refused, for every name,
 * until its oldest failure leaves the window.</li>
 * <li>An account name with {@link #MAX_FAILURES} failed logins (from any addresses) is under attack: it
 * may still be tried from an address that has no failure in the window, or from one it logged in from
 * before, and from no other. The owner, at their usual or any clean address, gets in with the right
 * password; an attacker spread over many addresses gets one guess per address and window, not five.</li>
 * </ul>
 * Refusals are 429 with Retry-After (the login form is sent back to itself with {@code ?throttled}).
 * Counts HTTP Basic and form logins alike. Every table is bounded (Caffeine: entries expire with the
 * window, at most {@link #MAX_KEYS} per table, the least recently used dropped first). Kept in memory
 * per instance: behind a load balancer each instance throttles on its own, which multiplies the
 * allowance by the number of instances, no more.
 */
class LoginThrottle extends OncePerRequestFilter {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	/** How long an address a curator logged in from stays trusted for that name. */
	static final Duration TRUSTED_FOR = Duration.ofDays(30);

	/** Bound of each table (failures per address, per name, trusted pairs). */
	static final int MAX_KEYS = 100_000;

	private final Clock clock;

	private final Cache<String, Deque<Instant>> failuresByAddress;

	private final Cache<String, Deque<Instant>> failuresByName;

	/** "name\naddress" pairs that logged in. */
	private final Cache<String, Boolean> trusted;

	LoginThrottle(Clock clock) {
		this(clock, MAX_KEYS);
	}

	/** @param maxKeys the bound of each table */
	LoginThrottle(Clock clock, int maxKeys) {
		this.clock = clock;
		this.failuresByAddress = failureTable(maxKeys);
		this.failuresByName = failureTable(maxKeys);
		this.trusted = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(TRUSTED_FOR).build();
	}

	private static Cache<String, Deque<Instant>> failureTable(int maxKeys) {
		return Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(WINDOW).build();
	}

	/** How many entries the three tables hold, after any pending eviction. */
	long tracked() {
		long n = 0;
		for (Cache<String, ?> table : List.of(failuresByAddress, failuresByName, trusted)) {
			table.cleanUp();
			n += table.estimatedSize();
		}
		return n;
	}

	/** Set by the form login's failure handler, read here once the request is done. */
	private static final String FORM_FAILED = LoginThrottle.class.getName() + ".formFailed";

	/** Records that this request was a failed form login. */
	static void formLoginFailed(HttpServletRequest request) {
		request.setAttribute(FORM_FAILED, Boolean.TRUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && SecurityConfig.LOGIN_PAGE.equals(request.getServletPath());
		String user = form ? String.valueOf(request.getParameter("username")) : basicUser(request);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Instant now = clock.instant();
		Duration wait = waitFor(failuresByAddress, address, now);
		if (wait.isZero() && !trusted.asMap().containsKey(user + "\n" + address)
				&& !waitFor(failuresByAddress, address, now, 1).isZero()) {
			wait = waitFor(failuresByName, user, now);
		}
		if (!wait.isZero()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
			if (form) {
				// a person at the form: back to it, which says why
				response.sendRedirect(request.getContextPath() + SecurityConfig.LOGIN_PAGE + "?throttled");
				return;
			}
			ProblemResponses.write(response, 429, "Too many failed logins",
					"too many failed logins; try again in " + Math.max(1, wait.toMinutes()) + " minute(s), "
							+ "or from an address you logged in from before");
			return;
		}
		chain.doFilter(request, response);
		boolean failed = form ? request.getAttribute(FORM_FAILED) != null
				: response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
		if (failed) {
			record(failuresByAddress, address, now);
			record(failuresByName, user, now);
		}
		else if (response.getStatus() != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			// a login that was checked and passed; a 503 (database out of reach) checked nothing
			trusted.put(user + "\n" + address, Boolean.TRUE);
		}
	}

	private static void record(Cache<String, Deque<Instant>> table, String key, Instant now) {
		Deque<Instant> times = table.get(key, k -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(now);
			while (times.size() > MAX_FAILURES) {
				times.removeFirst();
			}
		}
	}

	/** How long {@code key} must wait before it may try again; zero when it may try now. */
	private static Duration waitFor(Cache<String, Deque<Instant>> table, String key, Instant now) {
		return waitFor(table, key, now, MAX_FAILURES);
	}

	/** The same, where {@code limit} failures in the window are enough to wait. */
	private static Duration waitFor(Cache<String, Deque<Instant>> table, String key, Instant now, int limit) {
		Deque<Instant> times = table.getIfPresent(key);
		if (times == null) {
			return Duration.ZERO;
		}
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
				times.removeFirst();
			}
			if (times.size() < limit) {
				return Duration.ZERO;
			}
			// the oldest of the last `limit` failures
			Instant oldest = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
			return Duration.between(now, oldest.plus(WINDOW));
		}
	}

	/** The account name of an HTTP Basic header, or null when there is none (or it is unreadable). */
	private static String basicUser(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return "(unreadable)";
		}
	}

}
