package org.conflictmap.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.conflictmap.database.DataVersion;
import org.locationtech.jts.geom.Envelope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;

/**
 * The event store, the same code on PostGIS and H2GIS. Writes keep every version in
 * {@code event_versions}; reads stream rows so a large answer never sits in memory whole.
 */
@Repository
public class EventRepository {

	/** What every public read sees. */
	public static final Set<String> PUBLISHED = EventWhere.PUBLISHED;

	private final JdbcClient jdbc;

	private final DataVersion dataVersion;

	public EventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.dataVersion = new DataVersion(jdbc);
	}

	/** One event by id, whatever its curation status. */
	public Optional<Event> findById(String id) {
		return jdbc.sql(EventSql.SELECT_BY_ID).param("id", id).query((rs, n) -> EventColumns.read(rs)).optional();
	}

	/** How many published events match, ignoring the query's paging. */
	public long count(EventQuery query) {
		return count(query, PUBLISHED);
	}

	/** How many events in any of the curation statuses match, ignoring the query's paging. */
	public long count(EventQuery query, Set<String> curation) {
		var where = where(query, curation);
		return jdbc.sql(EventSql.count(where.sql())).params(where.params()).query(Long.class).single();
	}

	/**
	 * How many published events match, up to {@code cap}: the answer is {@code cap} for any number from it
	 * up, found without reading the rest (a vector tile's choice between its events and their clusters).
	 */
	public long countUpTo(EventQuery query, long cap) {
		var where = where(query, PUBLISHED);
		var params = new HashMap<String, Object>(where.params());
		params.put("cap", cap);
		return jdbc.sql(EventSql.countUpTo(where.sql())).params(params).query(Long.class).single();
	}

	/**
	 * Hands every published event that matches to {@code sink}, oldest first, one page. Read-only
	 * transaction and the configured fetch size let PostgreSQL stream through a cursor instead of
	 * loading the whole answer.
	 */
	@Transactional(readOnly = true)
	public void forEach(EventQuery query, Consumer<Event> sink) {
		forEach(query, PUBLISHED, sink);
	}

	/** The same for events in any of the given curation statuses: what curators see. */
	@Transactional(readOnly = true)
	public void forEach(EventQuery query, Set<String> curation, Consumer<Event> sink) {
		pageRows(where(query, curation), query, rs -> sink.accept(EventColumns.read(rs)));
	}

	/** The page's rows ({@link EventColumns#SELECTED}) as they come; how many there were. */
	private int pageRows(EventWhere where, EventQuery query, RowCallbackHandler rows) {
		int[] returned = { 0 };
		jdbc.sql(query.limit() <= EventSql.SMALL_PAGE ? EventSql.selectByIds(where.sql()) : EventSql.select(where.sql()))
			.params(where.params())
			.param("limit", query.limit())
			.param("offset", query.offset())
			.query((RowCallbackHandler) rs -> {
				rows.processRow(rs);
				returned[0]++;
			});
		return returned[0];
	}

	/**
	 * The page as GeoJSON features written to {@code json} straight from the rows
	 * ({@link EventJson#writeStoredFeature}); returns how many match in all, paging aside, which a
	 * FeatureCollection ends with. One WHERE and one read-only transaction for both.
	 */
	@Transactional(readOnly = true)
	public long writeFeaturesCounted(EventQuery query, Set<String> curation, JsonGenerator json) {
		var where = where(query, curation);
		int returned = pageRows(where, query, rs -> EventJson.writeStoredFeature(json, rs));
		return matched(where, query, returned);
	}

	/** All that match: the page tells when it is not full, else they are counted. */
	private long matched(EventWhere where, EventQuery query, int returned) {
		if (returned < query.limit() && (returned > 0 || query.offset() == 0)) {
			return query.offset() + returned;
		}
		return jdbc.sql(EventSql.count(where.sql())).params(where.params()).query(Long.class).single();
	}

	/**
	 * Hands every published event the frontline may be derived from (a control change, or fighting,
	 * placed better than a region) to {@code sink}, as the few fields that derivation reads; streamed.
	 */
	@Transactional(readOnly = true)
	public void forEachTerritoryEvent(Consumer<TerritoryEvent> sink) {
		jdbc.sql(EventSql.TERRITORY_EVENTS)
			.query((RowCallbackHandler) rs -> sink.accept(new TerritoryEvent(rs.getString("id"),
					rs.getObject("date_start", LocalDate.class), rs.getObject("date_end", LocalDate.class),
					rs.getString("event_type"), rs.getString("place_id"), rs.getInt("geo_precision"),
					EventColumns.point(rs.getBytes("geom_wkb")), rs.getString("control_side"), rs.getString("control_change"))));
	}

	/** The store's {@link DataVersion}: it moves with every write of an event. */
	public String dataVersion() {
		return dataVersion.current();
	}

	/** Where and when the published events lie, or null when there are none. */
	public Extent extent() {
		return jdbc.sql(EventSql.EXTENT).query((rs, n) -> {
			LocalDate first = rs.getObject("first_day", LocalDate.class);
			if (first == null) {
				return null;
			}
			return new Extent(new Envelope(rs.getDouble("min_lon"), rs.getDouble("max_lon"), rs.getDouble("min_lat"),
					rs.getDouble("max_lat")), first, rs.getObject("last_day", LocalDate.class));
		}).optional().orElse(null);
	}

	/** The spatial and temporal extent of the published events. */
	public record Extent(Envelope bbox, LocalDate firstDay, LocalDate lastDay) {
	}

	/** Ids of the events that came from {@code origin}, with the content hash they were written from. */
	public Map<String, String> originHashes(String origin) {
		var hashes = new HashMap<String, String>();
		jdbc.sql(EventSql.SELECT_ORIGIN_HASHES)
			.param("origin", origin)
			.query((RowCallbackHandler) rs -> hashes.put(rs.getString("id"), rs.getString("origin_hash")));
		return hashes;
	}

	/**
	 * Stores a new event as version 1, and that version in the history.
	 * @param origin where it came from ({@code seed}, later {@code api}, {@code acled}, ...)
	 * @param originHash a hash of the input it was made from, so a re-import can tell it is unchanged
	 */
	public Event insert(Event event, String origin, String originHash, String writtenBy) {
		Instant now = now();
		Event stored = event.withVersion(1, now, now);
		jdbc.sql(EventColumns.INSERT).params(EventColumns.values(stored, origin, originHash)).update();
		writeActors(stored);
		recordVersion(stored, writtenBy, EventChange.CREATED, null);
		return stored;
	}

	/**
	 * Replaces an event with a new version; the previous version stays in the history.
	 * @throws OptimisticLockingFailureException when someone else wrote a newer version first
	 */
	public Event update(Event event, String origin, String originHash, String writtenBy) {
		return update(event, origin, originHash, writtenBy, null);
	}

	/**
	 * The same, recording that the new version brings back an earlier one.
	 * @param restoredFrom the version whose content this is, or null for an ordinary edit
	 */
	public Event update(Event event, String origin, String originHash, String writtenBy, Integer restoredFrom) {
		Event current = findById(event.id())
			.orElseThrow(() -> new IllegalArgumentException("no event " + event.id() + " to update"));
		if (current.version() != event.version()) {
			throw new OptimisticLockingFailureException("event " + event.id() + " is at version "
					+ current.version() + ", not " + event.version());
		}
		Event stored = event.withVersion(current.version() + 1, current.createdAt(), now());
		if (current.version() == 1) {
			// an import leaves its first version to the events row, which is about to change
			jdbc.sql(EventSql.WRITE_OUT_FIRST_VERSION)
				.param("id", current.id())
				.param("feature", EventJson.featureString(current))
				.update();
		}
		int rows = jdbc.sql(EventColumns.UPDATE).params(EventColumns.values(stored, origin, originHash)).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("event " + event.id() + " changed while it was being saved");
		}
		jdbc.sql(EventSql.DELETE_ACTORS).param("id", stored.id()).update();
		writeActors(stored);
		recordVersion(stored, writtenBy, EventChange.kind(current.status(), stored.status(), restoredFrom != null),
				restoredFrom);
		return stored;
	}

	/** Every version of the event, oldest first; empty when there is no such event. */
	public List<EventChange> versions(String id) {
		return jdbc.sql(EventSql.SELECT_VERSIONS).param("id", id).query((rs, n) -> ChangeFeed.row(rs)).list();
	}

	/** The event as it was at {@code version}, from the history. */
	public Optional<Event> atVersion(String id, int version) {
		return jdbc.sql(EventSql.SELECT_VERSION_FEATURE)
			.param("id", id)
			.param("version", version)
			.query((rs, n) -> {
				String feature = rs.getString("version_feature");
				return feature == null ? EventColumns.read(rs) : EventJson.fromFeature(feature);
			})
			.optional();
	}

	/** The stored feature of every version, oldest first, for the history's diffs. */
	public List<String> featureHistory(String id) {
		return jdbc.sql(EventSql.SELECT_VERSION_FEATURES)
			.param("id", id)
			.query((rs, n) -> versionFeature(rs))
			.list();
	}

	/** A version's feature: as stored, or where an import left it to the events row, that row's. */
	private static String versionFeature(ResultSet rs) throws SQLException {
		String feature = rs.getString("version_feature");
		return feature != null ? feature : EventJson.featureString(EventColumns.read(rs));
	}

	/** Writes to events since {@code since}, as {@link ChangeFeed#read} reads them. */
	public List<EventChange> changes(Instant since, ChangeFeed.After after, boolean publicOnly, int limit) {
		return ChangeFeed.read(jdbc, "event_versions", "event_id", since, after, publicOnly, limit);
	}

	/** How many versions of the event the history holds. */
	public int versionCount(String id) {
		return jdbc.sql(EventSql.COUNT_VERSIONS).param("id", id).query(Integer.class).single();
	}

	private void writeActors(Event stored) {
		for (var actor : EventFilters.actorRows(stored.actors()).entrySet()) {
			jdbc.sql(EventSql.INSERT_ACTOR)
				.param("id", stored.id())
				.param("key", actor.getKey())
				.param("actor", actor.getValue())
				.update();
		}
	}

	private void recordVersion(Event stored, String writtenBy, String change, Integer restoredFrom) {
		jdbc.sql(EventSql.BUMP_DATA_VERSION)
			.param("now", EventColumns.utc(stored.updatedAt()))
			.param("spanDays", stored.spanDays())
			.update();
		jdbc.sql(EventSql.INSERT_VERSION)
			.param("id", stored.id())
			.param("version", stored.version())
			.param("feature", EventJson.featureString(stored))
			.param("writtenAt", EventColumns.utc(stored.updatedAt()))
			.param("writtenBy", writtenBy)
			.param("change", change)
			.param("status", stored.status())
			.param("restoredFrom", restoredFrom, java.sql.Types.INTEGER)
			.update();
	}

	/** Whether the store is H2, read from the driver once. */
	private volatile Boolean h2;

	/**
	 * What a WHERE for {@code query} is built against: the longest span of any event is read only when
	 * the query has a first day, once per request.
	 */
	EventWhere.Store whereStore(EventQuery query) {
		Boolean known = h2;
		if (known == null) {
			ResultSetExtractor<Boolean> product = rs -> "H2"
				.equals(rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
			known = jdbc.sql("SELECT 1").query(product);
			h2 = known;
		}
		int span = query.from() == null ? 0 : jdbc.sql(EventSql.MAX_SPAN).query(Integer.class).single();
		return new EventWhere.Store(span, known);
	}

	private EventWhere where(EventQuery query, Set<String> curation) {
		return EventWhere.of(query, curation, whereStore(query));
	}

	/** Millisecond precision: what both databases keep, so a written event reads back equal. */
	static Instant now() {
		return Instant.ofEpochMilli(System.currentTimeMillis());
	}


}
