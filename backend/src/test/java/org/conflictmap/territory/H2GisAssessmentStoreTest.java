package org.conflictmap.territory;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The assessments store contract on the embedded H2GIS. */
class H2GisAssessmentStoreTest extends AssessmentStoreContract {

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
