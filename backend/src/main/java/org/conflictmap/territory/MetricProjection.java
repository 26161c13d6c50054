package org.conflictmap.territory;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Lon/lat (WGS84) to and from the UTM zone of a point of the area, through Apache SIS, so that
 * buffers are in kilometres and areas in km² rather than in degrees.
 */
final class MetricProjection {

	private final MathTransform toMetric;

	private final MathTransform toWgs84;

	/** The UTM zone containing {@code lon}, {@code lat} (Syria: 37N for most of the country). */
	MetricProjection(double lon, double lat) {
		try {
			var utm = CommonCRS.WGS84.universal(lat, lon);
			toMetric = CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), utm, null).getMathTransform();
			toWgs84 = toMetric.inverse();
		}
		catch (FactoryException | TransformException ex) {
			throw new IllegalStateException("Apache SIS has no UTM zone for " + lon + "," + lat, ex);
		}
	}

	Geometry toMetric(Geometry lonLat) {
		return transform(lonLat, toMetric);
	}

	Geometry toWgs84(Geometry metric) {
		return transform(metric, toWgs84);
	}

	private static Geometry transform(Geometry g, MathTransform transform) {
		return org.conflictmap.map.Reprojection.apply(g, transform);
	}

}
