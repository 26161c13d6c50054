package org.conflictmap.bulk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.conflictmap.gazetteer.GeoMath;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.Geocoder;
import org.conflictmap.gazetteer.Place;

/**
 * What the gazetteer makes of an imported row's place name, set beside the file's own coordinates. The
 * file's point is always kept; the opinion is recorded in the event's geocode explanation (and the place
 * among its alternatives) when the two lie further apart than the row's precision allows. Names repeat a
 * lot in such files, so answers are cached per name and country (bounded, least recently used out).
 */
final class GazetteerOpinion {

	/** How far the file's point may lie from the gazetteer's at each geo_precision (1 town, 2 near, 3 region). */
	static final double[] TOLERANCE_KM = { 0, 10, 50, 150 };

	private static final int CACHE_SIZE = 50_000;

	private final Geocoder geocoder;

	private final Map<String, Optional<Place>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Optional<Place>> eldest) {
			return size() > CACHE_SIZE;
		}
	};

	GazetteerOpinion(Geocoder geocoder) {
		this.geocoder = geocoder;
	}

	/**
	 * The gazetteer's place for the name, with its distance from the file's point.
	 * @param agrees whether the distance is within the precision's tolerance
	 */
	record Opinion(Place place, double km, boolean agrees) {

		String explanation(String name, int precision) {
			String where = place.name() + " (" + place.id() + ") at " + round(place.lat()) + "," + round(place.lon());
			if (agrees) {
				return "the gazetteer agrees: " + where + " is " + kilometres(km) + " km away.";
			}
			return "the gazetteer disagrees: it places '" + name + "' at " + where + ", " + kilometres(km)
					+ " km from the file's point, more than the " + (int) TOLERANCE_KM[precision] + " km geo_precision "
					+ precision + " allows.";
		}

	}

	/**
	 * Empty when the gazetteer cannot place the name in the row's country (it covers Syria and its
	 * neighbours; rows elsewhere get no opinion).
	 */
	Optional<Opinion> of(String name, String country, double lon, double lat, int precision) {
		String key = name.toLowerCase(Locale.ROOT) + "\u001f" + country;
		Optional<Place> place = cache.computeIfAbsent(key, k -> resolve(name, country));
		return place.map(p -> {
			double km = GeoMath.km(lon, lat, p.lon(), p.lat());
			return new Opinion(p, km, km <= TOLERANCE_KM[precision]);
		});
	}

	private Optional<Place> resolve(String name, String country) {
		GeocodeResult result = geocoder.geocode(name, new GeocodeContext(country));
		if (!result.isResolved() || result.resolution().place() == null) {
			return Optional.empty();
		}
		Place place = result.resolution().place();
		if (country != null && !country.equals(place.countryCode())) {
			return Optional.empty();
		}
		return Optional.of(place);
	}

	private static String round(double degrees) {
		return fixed(degrees, 4);
	}

	private static String kilometres(double km) {
		return fixed(km, km < 10 ? 1 : 0);
	}

	/**
	 * What {@code String.format(Locale.ROOT, "%.nf", value)} writes (half up, from the shortest decimal
	 * that reads back as the double), at a sixth of the cost: an import writes two or three per row.
	 */
	static String fixed(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
	}

}
