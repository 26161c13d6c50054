package org.conflictmap.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Schema version 4, the same on PostGIS and H2GIS: the version history becomes a change log. Each
 * version records what kind of change it was ({@code created}, {@code updated}, {@code archived},
 * {@code restored}), the curation status it left the event in, and which version a restore brought
 * back, so {@code /api/changes} and {@code /api/events/{id}/history} need no JSON parsing. Existing
 * versions are backfilled from their stored features, in Java, where the JSON reads the same on both
 * databases.
 */
@Component
public class V4__VersionLog extends BaseJavaMigration {

	private static final List<String> DDL = List.of(
			"ALTER TABLE event_versions ADD COLUMN change_kind VARCHAR(20)",
			"ALTER TABLE event_versions ADD COLUMN status VARCHAR(20)",
			"ALTER TABLE event_versions ADD COLUMN restored_from INTEGER");

	private static final List<String> AFTER_BACKFILL = List.of(
			"ALTER TABLE event_versions ALTER COLUMN change_kind SET NOT NULL",
			"ALTER TABLE event_versions ALTER COLUMN status SET NOT NULL",
			// the changes feed reads in this order, from a point in time
			"CREATE INDEX event_versions_written_idx ON event_versions (written_at, event_id, version)");

	private static final int BATCH = 1_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		SchemaStatements.run(connection, DDL);
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection.prepareStatement(
						"UPDATE event_versions SET change_kind = ?, status = ? WHERE event_id = ? AND version = ?")) {
			select.setFetchSize(BATCH);
			ResultSet rs = select
				.executeQuery("SELECT event_id, version, feature_json FROM event_versions ORDER BY event_id, version");
			String previousId = null;
			String previousStatus = null;
			int rows = 0;
			while (rs.next()) {
				String id = rs.getString("event_id");
				int version = rs.getInt("version");
				String status = EventJson.MAPPER.readTree(rs.getString("feature_json")).path("properties").path("status")
					.asString();
				String before = id.equals(previousId) ? previousStatus : null;
				update.setString(1, version == 1 || before == null ? EventChange.CREATED : EventChange.kind(before, status, false));
				update.setString(2, status);
				update.setString(3, id);
				update.setInt(4, version);
				update.addBatch();
				previousId = id;
				previousStatus = status;
				if (++rows % BATCH == 0) {
					update.executeBatch();
				}
			}
			rs.close();
			update.executeBatch();
		}
		SchemaStatements.run(connection, AFTER_BACKFILL);
	}

}
