package org.conflictmap.export;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventJson;
import org.conflictmap.territory.TerritoryService;

/**
 * Events as an OGC GeoPackage (NGA's library): one {@code events} point layer in EPSG:4326, with dates
 * as DATE columns and lists (actors, claims, sources) as JSON text. A GeoPackage is an SQLite file, so
 * it is built on disk, batch by batch in transactions, and then sent: memory stays flat whatever the size.
 */
final class EventGeoPackage {

	static final String TABLE = "events";

	private static final int BATCH = 1_000;

	private EventGeoPackage() {
	}

	/**
	 * Writes the events into a new GeoPackage file at {@code target}, which must not exist yet.
	 * @param frontlines a day's territory to add as a {@code frontlines} layer, or null
	 */
	static void write(Path target, Consumer<Consumer<Event>> source, TerritoryService.Published frontlines) {
		File file = target.toFile();
		GeoPackageManager.create(file);
		try (GeoPackage gpkg = GeoPackageManager.open(file)) {
			SpatialReferenceSystem wgs84 = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
			gpkg.createGeometryColumnsTable();
			gpkg.createFeatureTable(FeatureTableMetadata.create(geometryColumns(TABLE, GeometryType.POINT, wgs84), columns(),
					new BoundingBox(-180, -90, 180, 90)));
			FeatureDao dao = gpkg.getFeatureDao(TABLE);
			int[] pending = { 0 };
			var extent = new org.locationtech.jts.geom.Envelope();
			dao.beginTransaction();
			source.accept(e -> {
				dao.create(row(dao, wgs84.getSrsId(), e));
				extent.expandToInclude(e.geom().getCoordinate());
				if (++pending[0] % BATCH == 0) {
					dao.commit();
				}
			});
			dao.endTransaction(true);
			if (!extent.isNull()) {
				// the layer's extent as GIS tools show it, instead of the whole world
				var contents = gpkg.getContentsDao().queryForId(TABLE);
				contents.setMinX(extent.getMinX());
				contents.setMinY(extent.getMinY());
				contents.setMaxX(extent.getMaxX());
				contents.setMaxY(extent.getMaxY());
				gpkg.getContentsDao().update(contents);
			}
			if (frontlines != null) {
				TerritoryGeoPackage.addLayer(gpkg, frontlines);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("GeoPackage export failed", ex);
		}
	}

	/** The {@code geom} column of a layer: 2D, in the given reference system. */
	static GeometryColumns geometryColumns(String table, GeometryType type, SpatialReferenceSystem srs) {
		var geometry = new GeometryColumns();
		geometry.setId(new TableColumnKey(table, "geom"));
		geometry.setGeometryType(type);
		geometry.setZ((byte) 0);
		geometry.setM((byte) 0);
		geometry.setSrs(srs);
		return geometry;
	}

	/** A temporary file name for a GeoPackage, not yet created. */
	static Path temporaryFile() {
		try {
			Path file = Files.createTempFile("conflict-map-export-", ".gpkg");
			Files.delete(file);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<FeatureColumn> columns() {
		return List.of(text("event_id"), text("title"), text("summary"), text("event_type"), text("sub_event_type"),
				FeatureColumn.createColumn("date_start", GeoPackageDataType.DATE),
				FeatureColumn.createColumn("date_end", GeoPackageDataType.DATE),
				FeatureColumn.createColumn("time_precision", GeoPackageDataType.INTEGER), text("place_text"),
				text("place_id"), FeatureColumn.createColumn("geo_precision", GeoPackageDataType.INTEGER),
				text("geocode_method"), FeatureColumn.createColumn("geocode_score", GeoPackageDataType.REAL),
				text("country"), text("admin1"), FeatureColumn.createColumn("fatalities", GeoPackageDataType.INTEGER),
				text("actors"), text("claims"), text("sources"), text("control_change"), text("status"),
				FeatureColumn.createColumn("version", GeoPackageDataType.INTEGER));
	}

	private static FeatureColumn text(String name) {
		return FeatureColumn.createColumn(name, GeoPackageDataType.TEXT);
	}

	private static FeatureRow row(FeatureDao dao, long srsId, Event e) {
		FeatureRow row = dao.newRow();
		row.setGeometry(GeoPackageGeometryData.create(srsId, new mil.nga.sf.Point(e.geom().getX(), e.geom().getY())));
		row.setValue("event_id", e.id());
		row.setValue("title", e.title());
		row.setValue("summary", e.summary());
		row.setValue("event_type", e.eventType());
		row.setValue("sub_event_type", e.subEventType());
		row.setValue("date_start", e.dateStart().toString());
		row.setValue("date_end", e.dateEnd().toString());
		row.setValue("time_precision", e.timePrecision());
		row.setValue("place_text", e.placeText());
		row.setValue("place_id", e.geocode().placeId());
		row.setValue("geo_precision", e.geocode().geoPrecision());
		row.setValue("geocode_method", e.geocode().method());
		row.setValue("geocode_score", e.geocode().score());
		row.setValue("country", e.country());
		row.setValue("admin1", e.admin1());
		row.setValue("fatalities", e.fatalities());
		row.setValue("actors", EventJson.MAPPER.writeValueAsString(e.actors()));
		row.setValue("claims", EventJson.MAPPER.writeValueAsString(e.claims()));
		row.setValue("sources", EventJson.MAPPER.writeValueAsString(e.sources()));
		row.setValue("control_change", e.controlChange() == null ? null
				: e.controlChange().side() + " " + e.controlChange().change());
		row.setValue("status", e.status());
		row.setValue("version", e.version());
		return row;
	}

}
