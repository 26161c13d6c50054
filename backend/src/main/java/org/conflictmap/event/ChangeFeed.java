package org.conflictmap.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The changes feed's read of one versions table ({@code event_versions}, {@code assessment_versions}):
 * the writes since a point in time in the order written, then by id and version, the same SQL on both
 * databases. Each store reads its own table through it; {@code /api/changes} merges them.
 */
public final class ChangeFeed {

	/**
	 * Where the previous page ended: strictly after the write of {@code version} of {@code id} at
	 * {@code at}; with {@code id} null, after every write at {@code at}.
	 */
	public record After(Instant at, String id, int version) {
	}

	private ChangeFeed() {
	}

	/**
	 * At most {@code limit} writes since {@code since} (inclusive) and after {@code after} (null: from the
	 * start). With {@code publicOnly}, only what readers without a login may see: published versions, and
	 * those that took a published one off the map (archived, or back to draft), so a mirror knows to drop it.
	 * @param table and {@code idColumn}: one of the versions tables, never user input
	 */
	public static List<EventChange> read(JdbcClient jdbc, String table, String idColumn, Instant since, After after,
			boolean publicOnly, int limit) {
		var sql = new StringBuilder("SELECT " + idColumn + " AS subject_id, version, written_at, written_by, "
				+ "change_kind, status, restored_from FROM " + table + " v WHERE written_at >= :since");
		var params = new HashMap<String, Object>();
		params.put("since", EventColumns.utc(since));
		params.put("limit", limit);
		if (after != null) {
			params.put("afterAt", EventColumns.utc(after.at()));
			if (after.id() == null) {
				sql.append(" AND written_at > :afterAt");
			}
			else {
				sql.append(" AND (written_at > :afterAt OR (written_at = :afterAt AND (" + idColumn + " > :afterId OR ("
						+ idColumn + " = :afterId AND version > :afterVersion))))");
				params.put("afterId", after.id());
				params.put("afterVersion", after.version());
			}
		}
		if (publicOnly) {
			sql.append(" AND (status = 'published' OR EXISTS (SELECT 1 FROM " + table + " p WHERE p." + idColumn
					+ " = v." + idColumn + " AND p.version = v.version - 1 AND p.status = 'published'))");
		}
		sql.append(" ORDER BY written_at, " + idColumn + ", version LIMIT :limit");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
	}

	/** One row of a versions table read with its id column as {@code subject_id}. */
	static EventChange row(ResultSet rs) throws SQLException {
		return new EventChange(rs.getString("subject_id"), rs.getInt("version"), rs.getString("change_kind"),
				rs.getString("status"), rs.getObject("written_at", OffsetDateTime.class).toInstant(),
				rs.getString("written_by"), rs.getObject("restored_from", Integer.class));
	}

}
