package org.conflictmap.geocode;

import java.util.LinkedHashMap;
import java.util.Map;

import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.Place;

/** A gazetteer record the geocoder considered, as the API lists it (geocoding, and a write it declined). */
public final class CandidateJson {

	private CandidateJson() {
	}

	public static Map<String, Object> of(Place p, double rankScore) {
		var m = new LinkedHashMap<String, Object>();
		m.put("id", p.id());
		m.put("name", p.name());
		m.put("lat", p.lat());
		m.put("lon", p.lon());
		m.put("country", p.countryCode());
		m.put("feature_code", p.featureCode());
		m.put("rank_score", rankScore);
		return m;
	}

	/** A geocoder's winner as {@code GET /api/geocode} answers it in {@code result}. */
	public static Map<String, Object> resolution(GeocodeResult.Resolution r) {
		var m = new LinkedHashMap<String, Object>();
		Place p = r.place();
		m.put("id", p.id());
		m.put("name", p.name());
		m.put("lat", r.lat());
		m.put("lon", r.lon());
		m.put("country", p.countryCode());
		m.put("feature_code", p.featureCode());
		m.put("geo_precision", r.geoPrecision());
		m.put("method", r.method());
		m.put("score", r.score());
		return m;
	}

}
