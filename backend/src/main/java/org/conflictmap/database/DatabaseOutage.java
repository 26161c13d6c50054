package org.conflictmap.database;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request that needs it is answered with
 * {@code 503 Service Unavailable}, {@code Retry-After} and a problem+json body, never a 500 or a hang.
 * The first requests to meet the outage find out by themselves (a connection lost mid-query fails its
 * query; a new one is refused within {@code spring.datasource.hikari.connection-timeout}); from then on
 * the API ({@code /api/**}, {@code /ogcapi/**}) is refused at once, without queueing for the pool, while
 * one thread asks the database directly every {@link #PROBE_MILLIS} ms. When it answers, a pool that lost
 * every connection is replaced ({@link ReconnectingDataSource}) and requests are served again; no
 * restart. Nothing is kept from a refused request: a write's transaction is rolled back by the database,
 * so it was never acknowledged. Sits first in the filter chain, so it also covers the filters that read
 * the database before any controller (ETags, logins). Static pages and the health endpoints pass. A
 * request that only waited too long for a busy pool (overload, with the database fine) is answered 503
 * Busy and starts no outage: see {@link LoadShedding}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutage extends OncePerRequestFilter {

	/** What a client is told to wait before trying again. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** How often the database is asked whether it is back, during an outage. */
	static final long PROBE_MILLIS = 250;

	private final DataSource dataSource;

	private final AtomicBoolean down = new AtomicBoolean();

	public DatabaseOutage(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Whether the service currently holds the database for out of reach. */
	public boolean isDown() {
		return down.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (down.get() && needsDatabase(request)) {
			answer(response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isOutage(ex)) {
				throw ex;
			}
			if (isPoolBusy(ex) && !response.isCommitted()) {
				// every connection in use by other requests: overload, which LoadShedding answers, not an outage
				response.reset();
				LoadShedding.readsBusy(response);
				return;
			}
			if (down.compareAndSet(false, true)) {
				log.warn("database unavailable ({}); answering 503 to the API until it is back", rootMessage(ex));
				startProbe();
			}
			if (response.isCommitted()) {
				// a streamed answer cut short: the client sees an incomplete body, never a complete wrong one
				throw ex;
			}
			response.reset();
			answer(response);
		}
	}

	private static boolean needsDatabase(HttpServletRequest request) {
		String path = request.getServletPath();
		return path.startsWith("/api/") || path.startsWith("/ogcapi") || "POST".equals(request.getMethod());
	}

	private void startProbe() {
		var probe = new Thread(() -> {
			long since = System.nanoTime();
			while (down.get()) {
				try {
					Thread.sleep(PROBE_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (reachable()) {
					try {
						if (dataSource instanceof ReconnectingDataSource pool && pool.renewIfEmpty()) {
							log.info("database back; connection pool renewed");
						}
					}
					catch (RuntimeException ex) {
						// gone again before the new pool could connect: keep asking
						log.warn("database answered but a new pool could not connect: {}", rootMessage(ex));
						continue;
					}
					down.set(false);
					log.warn("database back after {} s; serving again", (System.nanoTime() - since) / 1_000_000_000);
				}
			}
		}, "database-probe");
		probe.setDaemon(true);
		probe.start();
	}

	private boolean reachable() {
		if (dataSource instanceof ReconnectingDataSource pool) {
			return pool.reachable();
		}
		try (Connection c = dataSource.getConnection()) {
			return c.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/** Answers 503 with Retry-After and a problem+json body that says to try again. */
	public static void answer(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Database unavailable",
				"the event store cannot be reached just now; nothing was changed by this request. Try again in "
						+ RETRY_AFTER_SECONDS + " seconds");
	}

	/**
	 * Whether a failure is the database being out of reach (refused, dropped, shutting down, out of
	 * connections), as opposed to a fault in a query or in the service.
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			// a rollback that failed (the connection was gone) hides the failure that called for it
			if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
					&& isOutage(tx.getApplicationException())) {
				return true;
			}
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof RecoverableDataAccessException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				// 08: connection exception; 57P01-03: server shutting down or not accepting; 53300: too many connections
				if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the failure is only the connection pool's wait running out while the database is fine: the
	 * pool's timeout carries the last failed connection attempt as its cause when there was one (the
	 * database refused or dropped it), and nothing when every connection was simply busy.
	 */
	static boolean isPoolBusy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException timeout) {
				return timeout.getCause() == null && timeout.getNextException() == null;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable t = failure;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}

}
