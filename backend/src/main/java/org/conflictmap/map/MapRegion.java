package org.conflictmap.map;

import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The region the map is about, configured in one place ({@code conflictmap.region.*}): its name (the
 * country whose outline the map's basemap lights up) and its box in WGS 84. The page frames it
 * ({@code /api/map-settings}), the OGC API gives it as the territory's extent.
 */
@Component
public final class MapRegion {

	private final String name;

	private final Envelope bbox;

	public MapRegion(@Value("${conflictmap.region.name:Syria}") String name,
			@Value("${conflictmap.region.bbox:35.5,32.3,42.4,37.4}") String bbox) {
		this.name = name;
		this.bbox = parse(bbox);
	}

	/** The country the map is about, as the basemap's outlines name it. */
	public String name() {
		return name;
	}

	/** The region's box, longitude and latitude in WGS 84. */
	public Envelope bbox() {
		return new Envelope(bbox);
	}

	/** The box as OGC and GeoJSON write it: minLon, minLat, maxLon, maxLat. */
	public List<Double> bboxList() {
		return List.of(bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY());
	}

	private static Envelope parse(String text) {
		String problem = "conflictmap.region.bbox must be minLon,minLat,maxLon,maxLat in degrees (e.g. "
				+ "35.5,32.3,42.4,37.4), not '" + text + "'";
		String[] parts = text.split(",");
		if (parts.length != 4) {
			throw new IllegalArgumentException(problem);
		}
		double[] v = new double[4];
		try {
			for (int i = 0; i < 4; i++) {
				v[i] = Double.parseDouble(parts[i].strip());
			}
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(problem, ex);
		}
		if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
			throw new IllegalArgumentException(problem);
		}
		return new Envelope(v[0], v[2], v[1], v[3]);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s %s", name, bboxList());
	}

}
