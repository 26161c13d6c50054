package org.conflictmap.territory;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The assessments store contract on PostgreSQL + PostGIS (skips outside CI without it; fails in CI). */
class PostgisAssessmentStoreTest extends AssessmentStoreContract {

	private static DataSource dataSource;

	@BeforeAll
	static void database() {
		dataSource = TestDatabases.postgis("assessment_test");
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

}
