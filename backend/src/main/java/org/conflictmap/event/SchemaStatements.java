package org.conflictmap.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** DDL run in order by the Java migrations, the same text on PostGIS and H2GIS. */
final class SchemaStatements {

	private SchemaStatements() {
	}

	static void run(Connection connection, List<String> statements) throws SQLException {
		try (Statement ddl = connection.createStatement()) {
			for (String statement : statements) {
				ddl.execute(statement);
			}
		}
	}

}
