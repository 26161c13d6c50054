package org.conflictmap.event;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema version 2 on a store that already holds events: the filter columns are filled from the JSON. */
class EventFiltersMigrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void eventsWrittenBeforeVersionTwoAreFoundByTheNewFilters(String vendor) {
		DataSource ds = "h2".equals(vendor) ? TestDatabases.h2("1") : TestDatabases.postgis("migration_v2", "1");
		JdbcClient jdbc = JdbcClient.create(ds);
		jdbc.sql("""
				INSERT INTO events (id, title, summary, event_type, sub_event_type, actors_json, date_start, date_end,
				    time_precision, place_text, geo_precision, geocode_method, geocode_score, geocode_json, geom,
				    claims_json, sources_json, status, version, origin, created_at, updated_at)
				VALUES ('old', 'Old event', '', 'Battles', 'Armed clash',
				    '{"side_a":["HTS"],"side_b":["Syrian army"],"associated":["hts"]}', DATE '2024-12-01',
				    DATE '2024-12-01', 1, 'Hama', 1, 'exact-name', 1.0, '{}', ST_SetSRID(ST_MakePoint(36.7, 35.1), 4326),
				    '[{"by":"A","statement":"x","status":"reported"},{"by":"B","statement":"y","status":"contested"}]',
				    '[]', 'published', 1, 'seed', TIMESTAMP WITH TIME ZONE '2024-12-05 00:00:00+00',
				    TIMESTAMP WITH TIME ZONE '2024-12-05 00:00:00+00')""").update();

		TestDatabases.migrate(ds, vendor, "h2".equals(vendor) ? null : "migration_v2");

		assertThat(jdbc.sql("SELECT claim_status FROM events WHERE id = 'old'").query(String.class).single())
			.isEqualTo("contested");
		assertThat(jdbc.sql("SELECT actor FROM event_actors WHERE event_id = 'old' ORDER BY actor_key")
			.query(String.class)
			.list()).as("one row per actor, 'hts' and 'HTS' being one").containsExactly("HTS", "Syrian army");
	}

}
