package org.conflictmap.export;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.conflictmap.event.EventJson;
import org.conflictmap.territory.TerritoryService;
import org.locationtech.jts.io.WKBWriter;

/**
 * The territory as a GeoPackage layer, EPSG:4326: a day's areas and front line ({@code frontlines}), or what
 * each side gained and lost between two days ({@code frontline_changes}).
 */
final class TerritoryGeoPackage {

	static final String TABLE = "frontlines";

	static final String CHANGES_TABLE = "frontline_changes";

	/** A column and the feature property it is filled from (a list is written as JSON). */
	private record Column(String name, GeoPackageDataType type, String property) {

		static Column of(String name, GeoPackageDataType type) {
			return new Column(name, type, name);
		}

	}

	private static final List<Column> DAY = List.of(Column.of("date", GeoPackageDataType.DATE),
			Column.of("kind", GeoPackageDataType.TEXT), Column.of("side", GeoPackageDataType.TEXT),
			Column.of("status", GeoPackageDataType.TEXT), Column.of("valid_from", GeoPackageDataType.DATE),
			Column.of("evidence", GeoPackageDataType.TEXT), Column.of("area_km2", GeoPackageDataType.REAL),
			Column.of("length_km", GeoPackageDataType.REAL));

	private static final List<Column> CHANGES = List.of(Column.of("side", GeoPackageDataType.TEXT),
			Column.of("kind", GeoPackageDataType.TEXT), new Column("date_from", GeoPackageDataType.DATE, "from"),
			new Column("date_to", GeoPackageDataType.DATE, "to"), Column.of("km2", GeoPackageDataType.REAL),
			Column.of("evidence", GeoPackageDataType.TEXT));

	private TerritoryGeoPackage() {
	}

	/** A new GeoPackage at {@code target} (which must not exist) holding only the day's territory. */
	static void write(java.nio.file.Path target, TerritoryService.Published day) {
		create(target, gpkg -> addLayer(gpkg, day));
	}

	/** A new GeoPackage at {@code target} (which must not exist) holding the gains and losses between two days. */
	static void write(java.nio.file.Path target, TerritoryService.Movement movement) {
		create(target, gpkg -> layer(gpkg, CHANGES_TABLE, CHANGES, movement.features(), Map.of()));
	}

	static void addLayer(GeoPackage gpkg, TerritoryService.Published day) throws SQLException {
		layer(gpkg, TABLE, DAY, day.features(), Map.of("date", day.date().toString()));
	}

	private interface Layers {

		void add(GeoPackage gpkg) throws SQLException;

	}

	private static void create(java.nio.file.Path target, Layers layers) {
		java.io.File file = target.toFile();
		mil.nga.geopackage.GeoPackageManager.create(file);
		try (GeoPackage gpkg = mil.nga.geopackage.GeoPackageManager.open(file)) {
			layers.add(gpkg);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("GeoPackage export failed", ex);
		}
	}

	/** A table of {@code features} with a {@code feature_id} and {@code columns}; {@code given} fills a column for every row. */
	private static void layer(GeoPackage gpkg, String table, List<Column> columns, List<TerritoryService.Feature> features,
			Map<String, Object> given) throws SQLException {
		SpatialReferenceSystem wgs84 = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
		gpkg.createGeometryColumnsTable();
		GeometryColumns geometry = EventGeoPackage.geometryColumns(table, GeometryType.GEOMETRY, wgs84);
		var featureColumns = new ArrayList<FeatureColumn>();
		featureColumns.add(FeatureColumn.createColumn("feature_id", GeoPackageDataType.TEXT));
		columns.forEach(c -> featureColumns.add(FeatureColumn.createColumn(c.name(), c.type())));
		// the contents' box is the features' own extent (the whole world when there are none)
		var extent = new org.locationtech.jts.geom.Envelope();
		features.forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
		BoundingBox box = extent.isNull() ? new BoundingBox(-180, -90, 180, 90)
				: new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
		gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, featureColumns, box));
		FeatureDao dao = gpkg.getFeatureDao(table);
		var wkb = new WKBWriter();
		for (TerritoryService.Feature f : features) {
			FeatureRow row = dao.newRow();
			try {
				row.setGeometry(GeoPackageGeometryData.create(wgs84.getSrsId(), GeometryReader.readGeometry(wkb.write(f.geometry()))));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("cannot convert " + f.id() + " for the GeoPackage", ex);
			}
			row.setValue("feature_id", f.id());
			for (Column c : columns) {
				Object value = given.containsKey(c.name()) ? given.get(c.name()) : f.properties().get(c.property());
				row.setValue(c.name(), value instanceof List<?> list ? EventJson.MAPPER.writeValueAsString(list) : value);
			}
			dao.create(row);
		}
	}

}
