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
 * Schema version 2, the same on PostGIS and H2GIS: what the map's filters need. {@code claim_status}
 * (the event's {@link Event#claimStatus()}) and {@code event_actors} (one row per actor named) are
 * derived from the JSON columns, so existing rows are backfilled here, in Java, where the JSON can be
 * read the same way on both databases. From now on {@link EventRepository} writes them with each event.
 */
@Component
public class V2__EventFilters extends BaseJavaMigration {

	private static final List<String> DDL = List.of(
			"ALTER TABLE events ADD COLUMN claim_status VARCHAR(20)",
			"""
			CREATE TABLE event_actors (
			    event_id  VARCHAR(200) NOT NULL REFERENCES events (id) ON DELETE CASCADE,
			    actor_key VARCHAR(300) NOT NULL,
			    actor     VARCHAR(300) NOT NULL,
			    PRIMARY KEY (event_id, actor_key)
			)""",
			"CREATE INDEX event_actors_key_idx ON event_actors (actor_key)");

	private static final List<String> AFTER_BACKFILL = List.of(
			"ALTER TABLE events ALTER COLUMN claim_status SET NOT NULL",
			"CREATE INDEX events_claim_status_idx ON events (claim_status)");

	/** Rows per batch: bounded memory however many events there are. */
	private static final int BATCH = 1_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		SchemaStatements.run(connection, DDL);
		try (Statement select = connection.createStatement();
				PreparedStatement status = connection.prepareStatement("UPDATE events SET claim_status = ? WHERE id = ?");
				PreparedStatement actor = connection.prepareStatement(EventSql.INSERT_ACTOR_JDBC)) {
			// PostgreSQL streams through a cursor with a fetch size inside Flyway's transaction
			select.setFetchSize(BATCH);
			ResultSet rs = select.executeQuery("SELECT id, actors_json, claims_json FROM events");
			int rows = 0;
			while (rs.next()) {
				String id = rs.getString("id");
				var claims = EventJson.listFromJson(rs.getString("claims_json"), Event.Claim.class);
				var actors = EventJson.fromJson(rs.getString("actors_json"), Event.Actors.class);
				status.setString(1, EventFilters.claimStatus(claims));
				status.setString(2, id);
				status.addBatch();
				for (var name : EventFilters.actorRows(actors).entrySet()) {
					actor.setString(1, id);
					actor.setString(2, name.getKey());
					actor.setString(3, name.getValue());
					actor.addBatch();
				}
				if (++rows % BATCH == 0) {
					status.executeBatch();
					actor.executeBatch();
				}
			}
			rs.close();
			status.executeBatch();
			actor.executeBatch();
		}
		SchemaStatements.run(connection, AFTER_BACKFILL);
	}

}
