package org.conflictmap.event;

import java.util.Map;

/**
 * A condition on the events table that a translator made from a checked filter (the OGC API's CQL2): SQL
 * over the table's columns with every value a named parameter in {@code params} (names starting
 * {@code cql}), appended to a read's WHERE as {@code AND (sql)}.
 */
public record SqlPredicate(String sql, Map<String, Object> params) {

	public SqlPredicate {
		params = Map.copyOf(params);
	}

}
