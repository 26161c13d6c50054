package org.conflictmap.event;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

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

}
