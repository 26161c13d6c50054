package org.conflictmap.event;

/**
 * The event store's SQL, named for what each statement does. Every statement here runs unchanged on
 * PostGIS and on H2GIS (geometry in as ST_MakePoint, out as ST_AsBinary), but for the bbox test, which
 * each store answers from its own index: GiST's {@code &&} on PostGIS, a B-tree on the longitude on H2.
 * Values are always bound, never formatted in.
 */
final class EventSql {

	static final String SELECT_BY_ID = "SELECT " + EventColumns.SELECTED + " FROM events WHERE id = :id";

	/** ST_X / ST_Y aggregates rather than ST_Extent, whose result type differs between PostGIS and H2GIS. */
	static final String EXTENT = """
			SELECT min(ST_X(geom)) AS min_lon, min(ST_Y(geom)) AS min_lat, max(ST_X(geom)) AS max_lon,
			    max(ST_Y(geom)) AS max_lat, min(date_start) AS first_day, max(date_end) AS last_day
			FROM events WHERE status = 'published'""";

	/**
	 * Every write moves the data version, in the writing transaction, and raises the longest span if the
	 * event written is longer.
	 */
	static final String BUMP_DATA_VERSION = """
			UPDATE data_version SET version = version + 1, changed_at = :now,
			    max_span_days = GREATEST(max_span_days, :spanDays) WHERE id = 1""";

	static final String MAX_SPAN = "SELECT max_span_days FROM data_version WHERE id = 1";

	/** With {@link EventColumns#COPY}: PostgreSQL's bulk path for imports ({@link CopyBinary}). */
	static final String COPY_ACTORS = "COPY event_actors (event_id, actor_key, actor) FROM STDIN (FORMAT binary)";

	static final String COPY_VERSIONS = """
			COPY event_versions (event_id, version, feature_json, written_at, written_by, change_kind, status,
			    restored_from) FROM STDIN (FORMAT binary)""";

	/** PostgreSQL only. */
	static final String ANALYZE_AFTER_LOAD = "VACUUM (ANALYZE) events, event_actors";

	static final String SELECT_STORED = "SELECT id, origin, origin_hash, version FROM events WHERE id IN (:ids)";

	static final String SELECT_ORIGIN_HASHES = "SELECT id, origin_hash FROM events WHERE origin = :origin";

	/**
	 * What the frontline is derived from: published events placed better than a region that record a control
	 * change or fighting, a few columns each.
	 */
	static final String TERRITORY_EVENTS = """
			SELECT id, date_start, date_end, event_type, place_id, geo_precision, ST_AsBinary(geom) AS geom_wkb,
			    control_side, control_change
			FROM events
			WHERE status = 'published' AND geo_precision < 3 AND (control_side IS NOT NULL OR event_type = 'Battles')""";

	/** Published events only: drafts and archived events stay off the public read paths. */
	static final String PUBLIC = "status = 'published'";

	/** Any of the given curation statuses, for curators. */
	static final String CURATION = "status IN (:curation)";

	/** The second half bounds the window index's range: no event starts earlier and still reaches the window. */
	static final String FROM_CLAUSE = " AND date_end >= :from AND date_start >= :fromLow";

	static final String TO_CLAUSE = " AND date_start <= :to";

	/** Events that start on one of a range of days, whatever their end: {@link WindowParts}' days. */
	static final String STARTS_CLAUSE = " AND date_start BETWEEN :startsFirst AND :startsLast";

	/** With {@link #FROM_CLAUSE}: events that start before the window and reach into it. */
	static final String STARTS_BEFORE_CLAUSE = " AND date_start < :from";

	// a plain string, not a text block: the clauses are appended and each must start with its space
	static final String BBOX_CLAUSE = " AND geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)"
			+ " AND ST_Intersects(geom, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))";

	/**
	 * The same test for points, in a form no spatial index answers: used with a date window of up to
	 * {@link #NARROW_WINDOW_DAYS} days, where the window index (which carries geom) is the better path. The
	 * planner cannot see that for a dense box: it underestimated a box around Damascus 7-fold and joined
	 * 135,000 GiST hits to the window's 12,000 (50 ms where the window index alone takes 2.5 ms; bench/README.md).
	 */
	static final String BBOX_BY_COORDINATES_CLAUSE = " AND ST_X(geom) BETWEEN :minLon AND :maxLon"
			+ " AND ST_Y(geom) BETWEEN :minLat AND :maxLat";

	/**
	 * The bbox on H2, which has no spatial index (db/migration/h2/V10): the longitude through the B-tree
	 * on {@code geom_lon}, the latitude checked on the rows it finds. Points only, as every event is. Only
	 * for a box at most {@link #LONGITUDE_INDEX_MAX_DEGREES} wide and no window of up to
	 * {@link #NARROW_WINDOW_DAYS} days; otherwise H2 is given {@link #BBOX_BY_COORDINATES_CLAUSE} and reads
	 * the window index or the table. H2 plans by distinct values, not by ranges, and took the longitude
	 * index for boxes holding nearly every event: at 100,000 events a month over all Syria took 2.1 s that
	 * way and 75 ms through the window index; two years over Syria 2.3 s against 0.7 s; all time in a box
	 * around Aleppo 0.33 s against 1.2 s for the scan (bench/README.md).
	 */
	static final String BBOX_BY_LONGITUDE_INDEX_CLAUSE = " AND geom_lon BETWEEN :minLon AND :maxLon"
			+ " AND ST_Y(geom) BETWEEN :minLat AND :maxLat";

	/**
	 * A box across the antimeridian (EventQuery keeps its east edge past 180): east of its west edge or west
	 * of its east edge, bound as {@code minLon} and {@code maxLon} in -180..180. Points only, no index: such
	 * boxes are rare here, and a full reading of the window or the table answers them.
	 */
	static final String BBOX_ACROSS_ANTIMERIDIAN_CLAUSE = " AND (ST_X(geom) >= :minLon OR ST_X(geom) <= :maxLon)"
			+ " AND ST_Y(geom) BETWEEN :minLat AND :maxLat";

	/** Boxes up to this wide (in longitude) are read through H2's longitude index; Syria spans about 7. */
	static final double LONGITUDE_INDEX_MAX_DEGREES = 2.0;

	/** Windows up to this long filter the bbox by coordinates, longer ones (and none) through the GiST index. */
	static final int NARROW_WINDOW_DAYS = 366;

	static final String TYPES_CLAUSE = " AND event_type IN (:types)";

	static final String CLAIM_STATUS_CLAUSE = " AND claim_status IN (:claimStatuses)";

	static final String ACTORS_CLAUSE = " AND id IN (SELECT event_id FROM event_actors WHERE actor_key IN (:actors))";

	/** One per word of a free-text search, {@code %s} the word's parameter name; backslash escapes LIKE's wildcards. */
	static final String TEXT_CLAUSE = " AND (lower(title) LIKE :%1$s ESCAPE '\\' OR lower(summary) LIKE :%1$s ESCAPE '\\'"
			+ " OR lower(place_text) LIKE :%1$s ESCAPE '\\'"
			+ " OR id IN (SELECT event_id FROM event_actors WHERE actor_key LIKE :%1$s ESCAPE '\\'))";

	/** Oldest first, then by id, so paging is stable. */
	static final String ORDER_AND_PAGE = " ORDER BY date_start, id LIMIT :limit OFFSET :offset";

	static final String INSERT_VERSION = """
			INSERT INTO event_versions (event_id, version, feature_json, written_at, written_by, change_kind, status,
			    restored_from)
			VALUES (:id, :version, :feature, :writtenAt, :writtenBy, :change, :status, :restoredFrom)""";

	static final String VERSION_COLUMNS = """
			SELECT event_id AS subject_id, version, written_at, written_by, change_kind, status, restored_from
			FROM event_versions""";

	static final String SELECT_VERSIONS = VERSION_COLUMNS + " WHERE event_id = :id ORDER BY version";

	/**
	 * A version's stored feature, and where it is NULL (an imported event's first version, see
	 * {@link #WRITE_OUT_FIRST_VERSION}) the events row's columns, read in the same statement so both come
	 * from one snapshot.
	 */
	private static final String VERSION_FEATURES = """
			SELECT v.feature_json AS version_feature, e.* FROM event_versions v
			LEFT JOIN (SELECT %s FROM events WHERE id = :id) e ON v.feature_json IS NULL
			WHERE v.event_id = :id""".formatted(EventColumns.SELECTED);

	static final String SELECT_VERSION_FEATURE = VERSION_FEATURES + " AND v.version = :version";

	static final String SELECT_VERSION_FEATURES = VERSION_FEATURES + " ORDER BY v.version";

	/**
	 * Before an event's first change: its first version written out from the events row, where an import
	 * left it NULL (the row was then the version; after the change it no longer is).
	 */
	static final String WRITE_OUT_FIRST_VERSION = """
			UPDATE event_versions SET feature_json = :feature
			WHERE event_id = :id AND version = 1 AND feature_json IS NULL""";

	static final String DELETE_ACTORS = "DELETE FROM event_actors WHERE event_id = :id";

	static final String INSERT_ACTOR = "INSERT INTO event_actors (event_id, actor_key, actor) VALUES (:id, :key, :actor)";

	/** The same with JDBC's positional parameters, for the schema migration that backfills the table. */
	static final String INSERT_ACTOR_JDBC = "INSERT INTO event_actors (event_id, actor_key, actor) VALUES (?, ?, ?)";

	static final String COUNT_VERSIONS = "SELECT count(*) FROM event_versions WHERE event_id = :id";

	/** Events per start day and type, for the timeline. */
	static final String COUNT_BY_DAY_AND_TYPE = """
			SELECT date_start AS start_day, event_type, count(*) AS n FROM events WHERE %s
			GROUP BY date_start, event_type ORDER BY date_start, event_type""";

	/** Per claim status, with the span of its events (the stats' first and last day: one scan, not two). */
	static final String COUNT_BY_CLAIM_STATUS = """
			SELECT claim_status, count(*) AS n, min(date_start) AS first_day, max(date_end) AS last_day
			FROM events WHERE %s GROUP BY claim_status""";

	/**
	 * How often each spelling of each actor is named; {@link ActorTally} adds the spellings of a key up
	 * and shows the first in Java's order (not the database's collation, which differs between stores).
	 */
	static final String COUNT_BY_ACTOR = """
			SELECT a.actor_key, a.actor, count(*) AS n
			FROM event_actors a JOIN events ON events.id = a.event_id WHERE %s
			GROUP BY a.actor_key, a.actor""";

	/** The same per start day: a day's share of {@link WindowParts}' stats. */
	static final String COUNT_BY_DAY_AND_ACTOR = """
			SELECT events.date_start AS start_day, a.actor_key, a.actor, count(*) AS n
			FROM event_actors a JOIN events ON events.id = a.event_id WHERE %s
			GROUP BY events.date_start, a.actor_key, a.actor""";

	/** Per start day and claim status, with the last day any of them reaches. */
	static final String COUNT_BY_DAY_AND_CLAIM_STATUS = """
			SELECT date_start AS start_day, claim_status, count(*) AS n, max(date_end) AS last_day
			FROM events WHERE %s GROUP BY date_start, claim_status""";

	/**
	 * Events counted per cell of a square grid on the Web Mercator map (x: longitude; y: Mercator's
	 * ln(tan(45° + lat/2)), latitude clamped to ±85°) and per type, with each cell's sum of coordinates
	 * and extent: the map's clusters, the same WHERE as every other read.
	 */
	static final String COUNT_BY_CELL_AND_TYPE = """
			SELECT cx, cy, event_type, count(*) AS n, sum(lon) AS sum_lon, sum(lat) AS sum_lat,
			    min(lon) AS min_lon, min(lat) AS min_lat, max(lon) AS max_lon, max(lat) AS max_lat
			FROM (SELECT event_type, ST_X(geom) AS lon, ST_Y(geom) AS lat,
			        FLOOR(ST_X(geom) / :cellLon) AS cx,
			        FLOOR(LN(TAN(RADIANS(45 + GREATEST(-85, LEAST(85, ST_Y(geom))) / 2))) / :cellY) AS cy
			      FROM events WHERE %s) cells
			GROUP BY cx, cy, event_type""";

	/** The same per start day: a day's share of {@link WindowParts}' clusters. */
	static final String COUNT_BY_DAY_CELL_AND_TYPE = """
			SELECT start_day, cx, cy, event_type, count(*) AS n, sum(lon) AS sum_lon, sum(lat) AS sum_lat,
			    min(lon) AS min_lon, min(lat) AS min_lat, max(lon) AS max_lon, max(lat) AS max_lat
			FROM (SELECT date_start AS start_day, event_type, ST_X(geom) AS lon, ST_Y(geom) AS lat,
			        FLOOR(ST_X(geom) / :cellLon) AS cx,
			        FLOOR(LN(TAN(RADIANS(45 + GREATEST(-85, LEAST(85, ST_Y(geom))) / 2))) / :cellY) AS cy
			      FROM events WHERE %s) cells
			GROUP BY start_day, cx, cy, event_type""";

	private EventSql() {
	}

	/** Pages of at most this many events are read as ids first, then the rows ({@link #selectByIds}). */
	static final int SMALL_PAGE = 2_000;

	static String select(String where) {
		return "SELECT " + EventColumns.SELECTED + " FROM events WHERE " + where + ORDER_AND_PAGE;
	}

	/**
	 * The same page in two steps: the ids from the window index alone (it carries what the filters read),
	 * then those rows by id. PostgreSQL filters an ordinary index scan's rows only after reading them, so
	 * the one-step form read all 12,000 rows of a month to send 100 of them (52 ms; this form 10 ms); for
	 * a page of thousands the one step is as fast.
	 */
	static String selectByIds(String where) {
		return "SELECT " + EventColumns.SELECTED + " FROM events WHERE id IN (SELECT id FROM events WHERE " + where
				+ ORDER_AND_PAGE + ") ORDER BY date_start, id";
	}

	static String count(String where) {
		return "SELECT count(*) FROM events WHERE " + where;
	}

	/** How many match, counting no further than {@code :cap}: stops reading once past it. */
	static String countUpTo(String where) {
		return "SELECT count(*) FROM (SELECT 1 FROM events WHERE " + where + " LIMIT :cap) capped";
	}

}
