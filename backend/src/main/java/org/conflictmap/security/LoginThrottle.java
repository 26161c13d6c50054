package org.conflictmap.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.system.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * account name or from one address, further attempts are refused with 429 and Retry-After until the
 * oldest failure leaves the window (the login form is sent back to itself with {@code ?throttled}).
 * Counts HTTP Basic and form logins alike. Kept in memory per instance: behind a load balancer each instance
 * throttles on its own, which multiplies the allowance by the number of instances, no more.
 */
class LoginThrottle extends OncePerRequestFilter {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock) {
		this.clock = clock;
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
		String[] keys = { "user:" + user, "ip:" + request.getRemoteAddr() };
		Instant now = clock.instant();
		for (String key : keys) {
			Duration wait = waitFor(key, now);
			if (!wait.isZero()) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
				if (form) {
					// a person at the form: back to it, which says why
					response.sendRedirect(request.getContextPath() + SecurityConfig.LOGIN_PAGE + "?throttled");
					return;
				}
				ProblemResponses.write(response, 429, "Too many failed logins",
						"too many failed logins; try again in " + Math.max(1, wait.toMinutes()) + " minute(s)");
				return;
			}
		}
		chain.doFilter(request, response);
		boolean failed = form ? request.getAttribute(FORM_FAILED) != null
				: response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
		if (failed) {
			for (String key : keys) {
				Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
				synchronized (times) {
					times.addLast(now);
				}
			}
		}
		else if (response.getStatus() != HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			// a login that was checked and passed; a 503 (database out of reach) checked nothing
			failures.remove(keys[0]);
		}
	}

	/** How long `key` must wait; zero when it may try. */
	private Duration waitFor(String key, Instant now) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return Duration.ZERO;
		}
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
				times.removeFirst();
			}
			if (times.size() < MAX_FAILURES) {
				return Duration.ZERO;
			}
			return Duration.between(now, times.peekFirst().plus(WINDOW));
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
