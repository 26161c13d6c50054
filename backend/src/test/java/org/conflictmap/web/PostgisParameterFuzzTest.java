package org.conflictmap.web;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The parameter fuzz on the {@code postgis} profile, in a schema of its own with the repository's seeds;
 * skips (outside CI) without PostGIS, before the application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=postgis", "spring.flyway.schemas=" + PostgisParameterFuzzTest.SCHEMA })
class PostgisParameterFuzzTest extends ParameterFuzzContract {

	static final String SCHEMA = "parameter_fuzz_test";

	@BeforeAll
	static void freshSchema() {
		TestDatabases.requirePostgis();
		JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD))
			.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE")
			.update();
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabases.schemaUrl(SCHEMA));
		registry.add("spring.datasource.username", () -> TestDatabases.PG_USER);
		registry.add("spring.datasource.password", () -> TestDatabases.PG_PASSWORD);
	}

}
