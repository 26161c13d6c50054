package org.conflictmap.export;

import java.sql.SQLException;
import java.util.List;

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

/** A day's territory as a {@code frontlines} layer of a GeoPackage: areas and the front line, EPSG:4326. */
final class TerritoryGeoPackage {

	static final String TABLE = "frontlines";

	private TerritoryGeoPackage() {
	}

	/** A new GeoPackage at {@code target} (which must not exist) holding only the day's territory. */
	static void write(java.nio.file.Path target, TerritoryService.Published day) {
		java.io.File file = target.toFile();
		mil.nga.geopackage.GeoPackageManager.create(file);
		try (GeoPackage gpkg = mil.nga.geopackage.GeoPackageManager.open(file)) {
			addLayer(gpkg, day);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("GeoPackage export failed", ex);
		}
	}

	static void addLayer(GeoPackage gpkg, TerritoryService.Published day) throws SQLException {
		SpatialReferenceSystem wgs84 = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
		gpkg.createGeometryColumnsTable();
		GeometryColumns geometry = EventGeoPackage.geometryColumns(TABLE, GeometryType.GEOMETRY, wgs84);
		List<FeatureColumn> columns = List.of(FeatureColumn.createColumn("feature_id", GeoPackageDataType.TEXT),
				FeatureColumn.createColumn("date", GeoPackageDataType.DATE),
				FeatureColumn.createColumn("kind", GeoPackageDataType.TEXT),
				FeatureColumn.createColumn("side", GeoPackageDataType.TEXT),
				FeatureColumn.createColumn("status", GeoPackageDataType.TEXT),
				FeatureColumn.createColumn("valid_from", GeoPackageDataType.DATE),
				FeatureColumn.createColumn("evidence", GeoPackageDataType.TEXT),
				FeatureColumn.createColumn("area_km2", GeoPackageDataType.REAL),
				FeatureColumn.createColumn("length_km", GeoPackageDataType.REAL));
		// the contents' box is the day's own extent (the whole world for an empty day)
		var extent = new org.locationtech.jts.geom.Envelope();
		day.features().forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
		BoundingBox box = extent.isNull() ? new BoundingBox(-180, -90, 180, 90)
				: new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
		gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, columns, box));
		FeatureDao dao = gpkg.getFeatureDao(TABLE);
		var wkb = new WKBWriter();
		for (TerritoryService.Feature f : day.features()) {
			FeatureRow row = dao.newRow();
			try {
				row.setGeometry(GeoPackageGeometryData.create(wgs84.getSrsId(), GeometryReader.readGeometry(wkb.write(f.geometry()))));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("cannot convert " + f.id() + " for the GeoPackage", ex);
			}
			var p = f.properties();
			row.setValue("feature_id", f.id());
			row.setValue("date", day.date().toString());
			row.setValue("kind", p.get("kind"));
			row.setValue("side", p.get("side"));
			row.setValue("status", p.get("status"));
			row.setValue("valid_from", p.get("valid_from"));
			row.setValue("evidence", p.containsKey("evidence") ? EventJson.MAPPER.writeValueAsString(p.get("evidence")) : null);
			row.setValue("area_km2", p.get("area_km2"));
			row.setValue("length_km", p.get("length_km"));
			dao.create(row);
		}
	}

}
