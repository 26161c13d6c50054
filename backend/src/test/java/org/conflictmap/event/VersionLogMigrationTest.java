package org.conflictmap.event;

import javax.sql.DataSource;
import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;

/** Schema version 4 on a store with history: every old version gets its kind of change and status. */
class VersionLogMigrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void versionsWrittenBeforeVersionFourAreLabelledFromTheirFeatures(String vendor) {
		DataSource ds = "h2".equals(vendor) ? TestDatabases.h2("3") : TestDatabases.postgis("migration_v4", "3");
		JdbcClient jdbc = JdbcClient.create(ds);
		String[] statuses = { "draft", "published", "archived", "published", "published" };
		for (int v = 1; v <= statuses.length; v++) {
			jdbc.sql("""
					INSERT INTO event_versions (event_id, version, feature_json, written_at, written_by)
					VALUES ('old', :v, :feature, TIMESTAMP WITH TIME ZONE '2024-12-05 00:00:00+00', 'seed')""")
				.param("v", v)
				.param("feature", "{\"type\":\"Feature\",\"properties\":{\"status\":\"" + statuses[v - 1] + "\"}}")
				.update();
		}

		TestDatabases.migrate(ds, vendor, "h2".equals(vendor) ? null : "migration_v4");

		assertThat(jdbc.sql("SELECT change_kind || ' ' || status FROM event_versions ORDER BY version")
			.query(String.class)
			.list()).containsExactly("created draft", "updated published", "archived archived", "restored published",
					"updated published");
	}

}
