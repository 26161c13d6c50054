package org.conflictmap.event;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The event store contract on PostgreSQL + PostGIS (skips outside CI without it; fails in CI). */
class PostgisEventRepositoryTest extends EventRepositoryContract {

	private static DataSource dataSource;

	@BeforeAll
	static void database() {
		dataSource = TestDatabases.postgis("contract_test");
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

}
