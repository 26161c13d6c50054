package org.conflictmap.bulk;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The bulk import contract on the embedded H2 + H2GIS default. */
class H2GisBulkImportTest extends BulkImportContract {

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
