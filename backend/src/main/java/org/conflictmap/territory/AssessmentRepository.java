package org.conflictmap.territory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.conflictmap.event.ChangeFeed;
import org.conflictmap.event.EventChange;
import org.conflictmap.event.EventJson;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * The assessments store, the same SQL on PostGIS and H2GIS (geometry in as WKB, out as ST_AsBinary).
 * Every write keeps its version in {@code assessment_versions} and moves the data version, so the
 * territory and every ETag follow at once.
 */
@Repository
public class AssessmentRepository {

	private static final String COLUMNS = """
			id, side, valid_from, valid_to, ST_AsBinary(geom) AS geom_wkb, confidence, note, sources_json,
			evidence_json, status, version, created_at, updated_at""";

	private static final String INSERT = """
			INSERT INTO assessments (id, side, valid_from, valid_to, geom, confidence, note, sources_json,
			    evidence_json, status, version, origin, origin_hash, created_at, updated_at)
			VALUES (:id, :side, :validFrom, :validTo, ST_GeomFromWKB(:wkb, 4326), :confidence, :note, :sources,
			    :evidence, :status, :version, :origin, :originHash, :createdAt, :updatedAt)""";

	private static final String UPDATE = """
			UPDATE assessments SET side = :side, valid_from = :validFrom, valid_to = :validTo,
			    geom = ST_GeomFromWKB(:wkb, 4326), confidence = :confidence, note = :note, sources_json = :sources,
			    evidence_json = :evidence, status = :status, version = :version, origin = :origin,
			    origin_hash = :originHash, updated_at = :updatedAt
			WHERE id = :id AND version = :version - 1""";

	private static final String INSERT_VERSION = """
			INSERT INTO assessment_versions (assessment_id, version, feature_json, written_at, written_by,
			    change_kind, status, restored_from)
			VALUES (:id, :version, :feature, :writtenAt, :writtenBy, :change, :status, :restoredFrom)""";

	private static final String BUMP_DATA_VERSION = """
			UPDATE data_version SET version = version + 1, changed_at = :now WHERE id = 1""";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final GeometryFactory WGS84 = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);

	private final JdbcClient jdbc;

	public AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Assessment> findById(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM assessments WHERE id = :id").param("id", id)
			.query((rs, n) -> read(rs)).optional();
	}

	/**
	 * The assessments in any of {@code statuses} (all when empty), of {@code side} when given, that hold
	 * on {@code day} when given; by side, then oldest first.
	 */
	public List<Assessment> list(Set<String> statuses, String side, LocalDate day) {
		var sql = new StringBuilder("SELECT " + COLUMNS + " FROM assessments WHERE 1 = 1");
		var params = new HashMap<String, Object>();
		if (!statuses.isEmpty()) {
			sql.append(" AND status IN (:statuses)");
			params.put("statuses", statuses);
		}
		if (side != null) {
			sql.append(" AND side = :side");
			params.put("side", side);
		}
		if (day != null) {
			sql.append(" AND valid_from <= :day AND (valid_to IS NULL OR valid_to >= :day)");
			params.put("day", day);
		}
		sql.append(" ORDER BY side, valid_from, id");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> read(rs)).list();
	}

	/** Ids of the assessments that came from {@code origin}, with the hash of the input they were written from. */
	public Map<String, String> originHashes(String origin) {
		var hashes = new HashMap<String, String>();
		jdbc.sql("SELECT id, origin_hash FROM assessments WHERE origin = :origin").param("origin", origin)
			.query((ResultSet rs) -> {
				hashes.put(rs.getString("id"), rs.getString("origin_hash"));
			});
		return hashes;
	}

	/** Stores a new assessment as version 1, and that version in the history. */
	public Assessment insert(Assessment a, String origin, String originHash, String writtenBy) {
		Instant now = now();
		Assessment stored = a.withVersion(1, now, now);
		jdbc.sql(INSERT).params(params(stored, origin, originHash)).update();
		recordVersion(stored, writtenBy, EventChange.CREATED, null);
		return stored;
	}

	/**
	 * Replaces an assessment with its next version; the previous stays in the history.
	 * @param restoredFrom the version whose content this brings back, or null
	 * @throws OptimisticLockingFailureException when the stored version is not {@code a.version()}
	 */
	public Assessment update(Assessment a, String origin, String originHash, String writtenBy, String change,
			Integer restoredFrom) {
		Assessment current = findById(a.id())
			.orElseThrow(() -> new IllegalArgumentException("no assessment " + a.id() + " to update"));
		if (current.version() != a.version()) {
			throw new OptimisticLockingFailureException("assessment " + a.id() + " is at version " + current.version());
		}
		Assessment stored = a.withVersion(current.version() + 1, current.createdAt(), now());
		if (jdbc.sql(UPDATE).params(params(stored, origin, originHash)).update() != 1) {
			throw new OptimisticLockingFailureException("assessment " + a.id() + " changed while it was being saved");
		}
		recordVersion(stored, writtenBy, change, restoredFrom);
		return stored;
	}

	/** One version of the history. */
	public record Version(int version, String change, String status, Instant writtenAt, String writtenBy,
			Integer restoredFrom, String feature) {
	}

	/** Every version, oldest first; empty when there is no such assessment. */
	public List<Version> versions(String id) {
		return jdbc.sql("""
				SELECT version, change_kind, status, written_at, written_by, restored_from, feature_json
				FROM assessment_versions WHERE assessment_id = :id ORDER BY version""")
			.param("id", id)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getString("change_kind"), rs.getString("status"),
					rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getString("written_by"),
					rs.getObject("restored_from", Integer.class), rs.getString("feature_json")))
			.list();
	}

	/** Writes to assessments since {@code since}, as {@link ChangeFeed#read} reads them. */
	public List<EventChange> changes(Instant since, ChangeFeed.After after, boolean publicOnly, int limit) {
		return ChangeFeed.read(jdbc, "assessment_versions", "assessment_id", since, after, publicOnly, limit);
	}

	private void recordVersion(Assessment stored, String writtenBy, String change, Integer restoredFrom) {
		jdbc.sql(BUMP_DATA_VERSION).param("now", utc(stored.updatedAt())).update();
		jdbc.sql(INSERT_VERSION)
			.param("id", stored.id())
			.param("version", stored.version())
			.param("feature", EventJson.MAPPER.writeValueAsString(stored.feature()))
			.param("writtenAt", utc(stored.updatedAt()))
			.param("writtenBy", writtenBy)
			.param("change", change)
			.param("status", stored.status())
			.param("restoredFrom", restoredFrom, java.sql.Types.INTEGER)
			.update();
	}

	private static Map<String, Object> params(Assessment a, String origin, String originHash) {
		var p = new HashMap<String, Object>();
		p.put("id", a.id());
		p.put("side", a.side());
		p.put("validFrom", a.validFrom());
		p.put("validTo", a.validTo());
		p.put("wkb", new WKBWriter().write(a.area()));
		p.put("confidence", a.confidence());
		p.put("note", a.note());
		p.put("sources", EventJson.MAPPER.writeValueAsString(a.sources()));
		p.put("evidence", EventJson.MAPPER.writeValueAsString(a.evidence()));
		p.put("status", a.status());
		p.put("version", a.version());
		p.put("origin", origin);
		p.put("originHash", originHash);
		p.put("createdAt", utc(a.createdAt()));
		p.put("updatedAt", utc(a.updatedAt()));
		return p;
	}

	private static Assessment read(ResultSet rs) throws SQLException {
		return new Assessment(rs.getString("id"), rs.getString("side"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), multiPolygon(rs.getBytes("geom_wkb")),
				rs.getString("confidence"), rs.getString("note"),
				EventJson.MAPPER.readValue(rs.getString("sources_json"), STRINGS),
				EventJson.MAPPER.readValue(rs.getString("evidence_json"), STRINGS), rs.getString("status"),
				rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static MultiPolygon multiPolygon(byte[] wkb) throws SQLException {
		try {
			Geometry g = new WKBReader(WGS84).read(wkb);
			return g instanceof MultiPolygon m ? m : WGS84.createMultiPolygon(new Polygon[] { (Polygon) g });
		}
		catch (ParseException | ClassCastException ex) {
			throw new SQLException("unreadable geometry in assessments.geom", ex);
		}
	}

	/** Millisecond precision: what both databases keep. */
	private static Instant now() {
		return Instant.ofEpochMilli(System.currentTimeMillis());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
