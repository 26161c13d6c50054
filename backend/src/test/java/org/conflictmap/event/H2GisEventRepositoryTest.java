package org.conflictmap.event;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store contract on the embedded H2 + H2GIS default. */
class H2GisEventRepositoryTest extends EventRepositoryContract {

	private static DataSource dataSource;

	@BeforeAll
	static void database() {
		dataSource = TestDatabases.h2();
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

	/**
	 * No R-tree on the embedded store: H2 2.4.240 could not always reopen a file killed in the middle of a
	 * transaction that wrote to one (db/migration/h2/V10, CrashDuringImportTest). A bbox read finds its rows
	 * through the longitude's B-tree instead, or within a window of up to a year through the window index.
	 */
	@Test
	void theEmbeddedStoreHasNoRtreeAndTheBboxUsesTheLongitudeIndex() {
		var jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("SELECT count(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_TYPE_NAME = 'SPATIAL INDEX'")
			.query(Long.class)
			.single()).isZero();
		assertThat(plan(jdbc, EventSql.PUBLIC + EventSql.BBOX_BY_LONGITUDE_INDEX_CLAUSE, java.util.Map.of()))
			.containsIgnoringCase("EVENTS_GEOM_LON_IDX");
		assertThat(plan(jdbc, EventSql.PUBLIC + EventSql.FROM_CLAUSE + EventSql.TO_CLAUSE
				+ EventSql.BBOX_BY_COORDINATES_CLAUSE, java.util.Map.of("from", java.time.LocalDate.parse("2024-03-01"),
						"fromLow", java.time.LocalDate.parse("2024-02-01"), "to", java.time.LocalDate.parse("2024-03-30"))))
			.as("a month's window: the window index, not the longitude's")
			.containsIgnoringCase("EVENTS_WINDOW_IDX");
	}

	/** H2's plan for the events matching {@code where} in a box around Hama, with {@code params} bound too. */
	private static String plan(JdbcClient jdbc, String where, java.util.Map<String, Object> params) {
		return jdbc.sql("EXPLAIN SELECT id FROM events WHERE " + where)
			.param("minLon", 36.5)
			.param("maxLon", 37.0)
			.param("minLat", 35.0)
			.param("maxLat", 35.3)
			.params(params)
			.query(String.class)
			.single();
	}

}
