package org.conflictmap.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.conflictmap.event.V2__EventFilters;
import org.conflictmap.event.V4__VersionLog;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Real databases for tests: an in-memory H2 + H2GIS, and the local PostgreSQL + PostGIS that .ci/run
 * sets up. Each store gets its own schema (PostGIS) or database (H2), migrated by the application's own
 * Flyway scripts. PostGIS tests skip with a message on a machine without it, and fail in CI.
 */
public final class TestDatabases {

	public static final String PG_URL = env("CONFLICTMAP_TEST_PG_URL", "jdbc:postgresql://localhost:5432/conflictmap");

	public static final String PG_USER = env("CONFLICTMAP_TEST_PG_USER", "conflictmap");

	public static final String PG_PASSWORD = env("CONFLICTMAP_TEST_PG_PASSWORD", "conflictmap");

	private TestDatabases() {
	}

	/** A fresh, migrated in-memory H2GIS database. */
	public static DataSource h2() {
		return h2(null);
	}

	/** A fresh in-memory H2GIS database migrated up to {@code version} (null: the latest). */
	public static DataSource h2(String version) {
		var ds = new DriverManagerDataSource("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		migrate(ds, "h2", null, version);
		return ds;
	}

	/**
	 * A fresh, migrated schema in the local PostGIS database; skips the test (outside CI) when PostGIS is
	 * not reachable.
	 */
	public static DataSource postgis(String schema) {
		return postgis(schema, null);
	}

	/** The same, migrated up to {@code version} (null: the latest). */
	public static DataSource postgis(String schema, String version) {
		requirePostgis();
		var admin = new DriverManagerDataSource(PG_URL, PG_USER, PG_PASSWORD);
		JdbcClient.create(admin).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
		var ds = new DriverManagerDataSource(schemaUrl(schema), PG_USER, PG_PASSWORD);
		migrate(ds, "postgresql", schema, version);
		return ds;
	}

	/** The JDBC URL of a schema of the test database, with PostGIS's public schema on the path. */
	public static String schemaUrl(String schema) {
		return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
	}

	/** Skips outside CI, fails in CI, when PostGIS cannot be reached. */
	public static void requirePostgis() {
		String problem = postgisProblem();
		if (problem == null) {
			return;
		}
		String message = "PostGIS is not available at " + PG_URL + " as " + PG_USER + " (" + problem
				+ "); .ci/run installs and configures it";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true and " + message);
		}
		Assumptions.abort("skipped: " + message);
	}

	private static String postgisProblem() {
		try (Connection c = new DriverManagerDataSource(PG_URL, PG_USER, PG_PASSWORD).getConnection();
				var rs = c.createStatement()
					.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")) {
			rs.next();
			return rs.getInt(1) == 1 ? null : "the postgis extension is not created in that database";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	/** Migrates an existing database of {@code vendor} ("h2" or "postgresql") to the latest version. */
	public static void migrate(DataSource ds, String vendor, String schema) {
		migrate(ds, vendor, schema, null);
	}

	private static void migrate(DataSource ds, String vendor, String schema, String version) {
		var config = Flyway.configure()
			.dataSource(ds)
			.locations("classpath:db/migration/" + vendor)
			.javaMigrations(new V2__EventFilters(), new V4__VersionLog());
		if (schema != null) {
			config.schemas(schema).createSchemas(true);
		}
		if (version != null) {
			config.target(version);
		}
		config.load().migrate();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
