package org.conflictmap.geocode;

import java.util.List;

import org.conflictmap.event.Event;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.Geocoder;
import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

/**
 * Places an event: a curator's pin when there is one, the gazetteer's geocoder otherwise. Every path
 * leaves the same audit (method, score, explanation, runners-up) on the event.
 */
@Component
public class EventGeocoder {

	public static final String PINNED_ID = "pinned-id";

	public static final String PINNED_COORDINATES = "pinned-coordinates";

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private static final int MAX_ALTERNATIVES = 5;

	private final Gazetteer gazetteer;

	private final Geocoder geocoder;

	public EventGeocoder(Gazetteer gazetteer, Geocoder geocoder) {
		this.gazetteer = gazetteer;
		this.geocoder = geocoder;
	}

	/**
	 * @param placeText the place as the report writes it
	 * @param pin a curator's override, or null
	 * @throws PlacementException when the place cannot be resolved with confidence
	 */
	public Placement place(String placeText, PlacePin pin, GeocodeContext context) {
		if (pin != null && pin.gazetteerId() != null) {
			Place place = gazetteer.byId(pin.gazetteerId())
				.orElseThrow(() -> new PlacementException("the gazetteer has no record '" + pin.gazetteerId()
						+ "'; use an id such as gn:170017 (GeoNames id with the gn: prefix)"));
			var audit = new Event.Geocode(place.id(), pin.geoPrecision(), PINNED_ID, 1.0,
					explain("pinned by the curator to " + place.name() + " (" + place.id() + ")", pin), List.of());
			return new Placement(point(place.lon(), place.lat()), audit, place.countryCode(),
					pin.admin1() != null ? pin.admin1() : gazetteer.admin1Name(place).orElse(null));
		}
		if (pin != null) {
			var audit = new Event.Geocode(null, pin.geoPrecision(), PINNED_COORDINATES, 1.0,
					explain("pinned by the curator to coordinates " + pin.lat() + "," + pin.lon(), pin), List.of());
			return new Placement(point(pin.lon(), pin.lat()), audit,
					pin.country() != null ? pin.country() : context.countryCode(), pin.admin1());
		}
		GeocodeResult result = geocoder.geocode(placeText, context);
		if (!result.isResolved()) {
			String candidates = result.candidates()
				.stream()
				.limit(MAX_ALTERNATIVES)
				.map(c -> c.place().id() + " " + c.place().name() + " (" + c.place().countryCode() + ")")
				.toList()
				.toString();
			throw new PlacementException("cannot place \"" + placeText + "\": " + result.explanation()
					+ (result.candidates().isEmpty() ? "" : "; candidates " + candidates)
					+ ". Add a place: with gazetteer_id, or lat, lon and geo_precision",
					result.candidates().stream().limit(MAX_ALTERNATIVES).toList());
		}
		GeocodeResult.Resolution r = result.resolution();
		List<String> alternatives = result.candidates()
			.stream()
			.skip(1)
			.limit(MAX_ALTERNATIVES)
			.map(c -> c.place().id())
			.toList();
		var audit = new Event.Geocode(r.place().id(), r.geoPrecision(), r.method(), r.score(), result.explanation(),
				alternatives);
		return new Placement(point(r.lon(), r.lat()), audit, r.place().countryCode(),
				gazetteer.admin1Name(r.place()).orElse(null));
	}

	private static String explain(String what, PlacePin pin) {
		return pin.note() == null ? what : what + ": " + pin.note();
	}

	private static Point point(double lon, double lat) {
		return WGS84.createPoint(new Coordinate(lon, lat));
	}

}
