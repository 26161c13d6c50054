package org.conflictmap.bulk;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The bulk import contract on PostgreSQL + PostGIS (skips outside CI without it; fails in CI). */
class PostgisBulkImportTest extends BulkImportContract {

	private static DataSource dataSource;

	@BeforeAll
	static void database() {
		dataSource = TestDatabases.postgis("bulk_import_test");
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

}
