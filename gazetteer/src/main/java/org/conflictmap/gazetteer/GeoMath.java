package org.conflictmap.gazetteer;

/** Great-circle arithmetic on a sphere of the Earth's mean radius: good to a fraction of a percent here. */
public final class GeoMath {

	static final double EARTH_RADIUS_KM = 6371.0088;

	private GeoMath() {
	}

	/** Distance in km between two lon/lat points. */
	public static double km(double lon1, double lat1, double lon2, double lat2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/** The lon/lat reached from a point by going {@code km} along {@code bearing} (degrees from north). */
	public static double[] destination(double lon, double lat, double bearing, double km) {
		double d = km / EARTH_RADIUS_KM;
		double b = Math.toRadians(bearing);
		double p1 = Math.toRadians(lat);
		double l1 = Math.toRadians(lon);
		double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
		double l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
		return new double[] { Math.toDegrees(l2), Math.toDegrees(p2) };
	}

}
