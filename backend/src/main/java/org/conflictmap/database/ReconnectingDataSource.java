package org.conflictmap.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;

/**
 * The PostgreSQL connection pool, which {@link DatabaseOutage} can replace once the database is back
 * after an outage. HikariCP reconnects by itself, but after a long outage it retries only every 5 s, so
 * the service could go on refusing for up to 5 s with the database up; a fresh pool connects at once.
 * A pool is replaced only when it holds no connection at all, so no request in flight loses one.
 */
public final class ReconnectingDataSource implements DataSource, DisposableBean {

	/** Never started itself: each pool is made from a copy. */
	private final HikariConfig template;

	private volatile HikariDataSource pool;

	private int generation = 1;

	public ReconnectingDataSource(HikariConfig template) {
		this.template = template;
		this.pool = new HikariDataSource(copy(1));
	}

	private HikariConfig copy(int n) {
		var config = new HikariConfig();
		template.copyStateTo(config);
		config.setPoolName(template.getPoolName() + "-" + n);
		return config;
	}

	/**
	 * Whether the database accepts a connection now, asked directly (not through the pool, which may be
	 * between retries): a connection with a short timeout, closed at once.
	 */
	boolean reachable() {
		var props = new Properties();
		props.putAll(template.getDataSourceProperties());
		if (template.getUsername() != null) {
			props.setProperty("user", template.getUsername());
		}
		if (template.getPassword() != null) {
			props.setProperty("password", template.getPassword());
		}
		props.setProperty("connectTimeout", "2");
		props.setProperty("loginTimeout", "2");
		props.setProperty("socketTimeout", "2");
		try {
			Driver driver = DriverManager.getDriver(template.getJdbcUrl());
			try (Connection c = driver.connect(template.getJdbcUrl(), props)) {
				return c != null && c.isValid(2);
			}
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** A new pool in place of one that lost every connection; false when the pool still has some. */
	synchronized boolean renewIfEmpty() {
		HikariDataSource old = pool;
		if (old.getHikariPoolMXBean() != null && old.getHikariPoolMXBean().getTotalConnections() > 0) {
			return false;
		}
		pool = new HikariDataSource(copy(++generation));
		// requests still waiting on the old pool time out there (a 503) rather than find it closed (a 500)
		var closer = new Thread(() -> {
			try {
				Thread.sleep(template.getConnectionTimeout() + 1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			old.close();
		}, "close-" + old.getPoolName());
		closer.setDaemon(true);
		closer.start();
		return true;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return pool.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return pool.getConnection(username, password);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return pool.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		pool.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		pool.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return pool.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return pool.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || pool.isWrapperFor(iface);
	}

	@Override
	public void destroy() {
		pool.close();
	}

}
