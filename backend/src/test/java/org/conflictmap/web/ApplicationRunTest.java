package org.conflictmap.web;

import java.nio.file.Path;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it is run: started, stopped and started again on the embedded store, and on the
 * postgis profile against a real PostGIS.
 */
class ApplicationRunTest {

	private static final String EVENT = "/api/events/2024-12-aleppo-captured-by-rebels";

	@Test
	void aRestartKeepsWhatIsStoredAndDoesNotReimportUnchangedSeeds(@TempDir Path dataDir) {
		JsonNode before;
		try (var app = start("--conflictmap.data-dir=" + dataDir)) {
			before = HttpJson.get(url(app, EVENT)).body();
		}

		try (var app = start("--conflictmap.data-dir=" + dataDir)) {
			JsonNode after = HttpJson.get(url(app, EVENT)).body();

			assertThat(dataDir.resolve("conflictmap.mv.db")).exists();
			assertThat(after.get("properties").get("version").asInt()).isEqualTo(1);
			assertThat(after.get("properties").get("created_at").asString())
				.isEqualTo(before.get("properties").get("created_at").asString());
		}
	}

	@Test
	void thePostgisProfileStoresInPostgis() throws Exception {
		TestDatabases.requirePostgis();
		String schema = "app_run_test";
		var admin = JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL, TestDatabases.PG_USER,
				TestDatabases.PG_PASSWORD));
		admin.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();

		try (var app = start("--spring.profiles.active=postgis",
				"--spring.datasource.url=" + TestDatabases.schemaUrl(schema), "--spring.flyway.schemas=" + schema)) {
			JsonNode events = HttpJson.get(url(app, "/api/events")).body();

			long stored = admin.sql("SELECT count(*) FROM " + schema + ".events").query(Long.class).single();
			String geometryType = admin.sql("SELECT DISTINCT GeometryType(geom) FROM " + schema + ".events")
				.query(String.class)
				.single();
			assertThat(stored).isEqualTo(events.get("features").size()).isGreaterThanOrEqualTo(10);
			assertThat(geometryType).isEqualTo("POINT");
			// the pool is built from spring.datasource.hikari.* (PostgisDataSourceConfig): its settings hold
			var pooled = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
			assertThat(pooled.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
			assertThat(pooled.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
			var pool = app.getBean(org.conflictmap.database.ReconnectingDataSource.class);
			assertThat(pool.unwrap(com.zaxxer.hikari.HikariDataSource.class).getConnectionTimeout()).isEqualTo(3_000);
			assertThat(pool.unwrap(com.zaxxer.hikari.HikariDataSource.class).getDataSourceProperties())
				.containsEntry("socketTimeout", "120");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(ConflictMapApplication.class).run(all);
	}

	private static String url(ConfigurableApplicationContext app, String path) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return "http://localhost:" + port + path;
	}

}
