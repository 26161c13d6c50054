package org.conflictmap.database;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A token that changes whenever the stored data does: a counter in the database's one-row
 * {@code data_version} table and when it last moved, moved by every write in the writing transaction.
 * Caches of derived data and ETags key on it, so every instance sharing the database agrees at once on
 * what is current. One row: cheap enough to read on every request.
 */
@Component
public final class DataVersion {

	private static final String SELECT = "SELECT version, changed_at FROM data_version WHERE id = 1";

	private final JdbcClient jdbc;

	public DataVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current token, such as {@code 42@1733400000000}. */
	public String current() {
		return jdbc.sql(SELECT)
			.query((rs, n) -> rs.getLong("version") + "@"
					+ rs.getObject("changed_at", OffsetDateTime.class).toInstant().toEpochMilli())
			.single();
	}

}
