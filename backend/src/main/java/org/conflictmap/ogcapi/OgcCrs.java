package org.conflictmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.sis.geometry.Envelopes;
import org.apache.sis.geometry.GeneralEnvelope;
import org.apache.sis.referencing.CRS;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.map.Reprojection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * A coordinate reference system the OGC API answers in and takes boxes in (Part 2, CRS by reference):
 * CRS84, in which the store keeps every geometry (longitude, latitude), and EPSG:4326 (the same datum,
 * latitude first, as EPSG defines it), EPSG:3857 (web maps) and EPSG:32637 (UTM zone 37N, most of Syria,
 * in metres). Apache SIS transforms, from its own definitions of these codes: no EPSG database is needed.
 */
final class OgcCrs {

	private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

	/** Every CRS offered, CRS84 (the storage CRS and the default) first. */
	static final List<String> SUPPORTED = List.of(OgcApi.CRS84, EPSG + "4326", EPSG + "3857", EPSG + "32637");

	private static final Map<String, OgcCrs> BY_URI = new LinkedHashMap<>();

	static {
		try {
			CoordinateReferenceSystem storage = CRS.forCode(OgcApi.CRS84);
			for (String uri : SUPPORTED) {
				CoordinateReferenceSystem crs = CRS.forCode(uri);
				CoordinateOperation out = CRS.findOperation(storage, crs, null);
				BY_URI.put(uri, new OgcCrs(uri, out, CRS.findOperation(crs, storage, null)));
			}
		}
		catch (FactoryException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	static final OgcCrs STORAGE = BY_URI.get(OgcApi.CRS84);

	static final OgcCrs WEB_MERCATOR = BY_URI.get(EPSG + "3857");

	final String uri;

	private final CoordinateOperation fromStorage;

	private final CoordinateOperation toStorage;

	/** Coordinates are rounded to 1e-7 degrees or to the centimetre. */
	private final double scale;

	private OgcCrs(String uri, CoordinateOperation fromStorage, CoordinateOperation toStorage) {
		this.uri = uri;
		this.fromStorage = fromStorage;
		this.toStorage = toStorage;
		boolean degrees = fromStorage.getTargetCRS().getCoordinateSystem().getAxis(0).getUnit().toString().contains("°");
		this.scale = degrees ? 1e7 : 1e2;
	}

	/**
	 * The CRS a parameter names ({@code crs}, {@code bbox-crs}): CRS84 when it is absent; a 400 naming the
	 * offered ones for any other value.
	 */
	static OgcCrs parameter(Map<String, String[]> params, String name) {
		String value = Parameters.single(params, name);
		if (value == null) {
			return STORAGE;
		}
		OgcCrs crs = BY_URI.get(value.strip());
		if (crs == null) {
			throw new BadRequestException(name, name + " must be one of " + String.join(", ", SUPPORTED) + ", not '"
					+ value + "'");
		}
		return crs;
	}

	boolean isStorage() {
		return this == STORAGE;
	}

	/** The {@code Content-Crs} header's value. */
	String header() {
		return "<" + uri + ">";
	}

	/** A stored point (lon, lat) as coordinates in this CRS, in its axis order, rounded. */
	List<Double> point(double lon, double lat) {
		double[] p = { lon, lat };
		try {
			transform().transform(p, 0, p, 0, 1);
		}
		catch (TransformException ex) {
			throw new IllegalStateException("cannot give " + lon + " " + lat + " in " + uri, ex);
		}
		return List.of(Math.round(p[0] * scale) / scale, Math.round(p[1] * scale) / scale);
	}

	/** A stored geometry in this CRS, in its axis order. */
	Geometry geometry(Geometry lonLat) {
		return isStorage() ? lonLat : Reprojection.apply(lonLat, transform());
	}

	/**
	 * A box given in this CRS ({@code bbox} with {@code bbox-crs}: 4 numbers, or 6 with heights, in this
	 * CRS's axis order) as the box in CRS84 that holds it, as {@code bbox} takes it.
	 */
	String storageBbox(String bbox) {
		String[] parts = bbox.split(",", -1);
		double[] n = new double[parts.length];
		try {
			for (int i = 0; i < parts.length; i++) {
				n[i] = Double.parseDouble(parts[i].strip());
			}
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("bbox", "bbox must be 4 or 6 numbers separated by commas, not '" + bbox + "'");
		}
		if (n.length != 4 && n.length != 6) {
			throw new BadRequestException("bbox", "bbox must be 4 or 6 numbers separated by commas, not '" + bbox + "'");
		}
		int half = n.length / 2;
		var box = new GeneralEnvelope(toStorage.getSourceCRS());
		try {
			box.setRange(0, n[0], n[half]);
			box.setRange(1, n[1], n[half + 1]);
			Envelope e = jts(Envelopes.transform(toStorage, box));
			return String.format(Locale.ROOT, "%s,%s,%s,%s", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
		}
		catch (IllegalArgumentException | TransformException ex) {
			throw new BadRequestException("bbox", "bbox '" + bbox + "' is not a box in " + uri + " (its axis order: "
					+ axes() + ")");
		}
	}

	private String axes() {
		var cs = toStorage.getSourceCRS().getCoordinateSystem();
		return cs.getAxis(0).getAbbreviation() + ", " + cs.getAxis(1).getAbbreviation();
	}

	private static Envelope jts(org.opengis.geometry.Envelope e) {
		return new Envelope(e.getMinimum(0), e.getMaximum(0), e.getMinimum(1), e.getMaximum(1));
	}

	/** From CRS84 to this CRS. */
	MathTransform transform() {
		return fromStorage.getMathTransform();
	}

}
