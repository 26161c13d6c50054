package org.conflictmap.geocode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.Parameters;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names for the offline basemap, from the shipped gazetteer: Syria's governorates and its larger towns,
 * as GeoJSON points. The map labels them, so it needs no tile server to say where Hama is.
 */
@RestController
class BasemapController {

	/** Towns at least this large are labelled, besides every governorate seat. */
	static final long TOWN_POPULATION = 100_000;

	private final List<Map<String, Object>> features;

	BasemapController(Gazetteer gazetteer) {
		var list = new ArrayList<Map<String, Object>>();
		for (Place p : gazetteer.places()) {
			if (!"SY".equals(p.countryCode())) {
				continue;
			}
			String kind = "ADM1".equals(p.featureCode()) ? "governorate"
					: "P".equals(p.featureClass()) && (p.featureCode().equals("PPLC") || p.featureCode().equals("PPLA")
							|| p.population() >= TOWN_POPULATION) ? "town" : null;
			if (kind != null) {
				list.add(feature(p, kind));
			}
		}
		this.features = List.copyOf(list);
	}

	@GetMapping("/api/basemap/labels")
	ResponseEntity<Map<String, Object>> labels(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(Map.of("type", "FeatureCollection", "features", features));
	}

	private static Map<String, Object> feature(Place p, String kind) {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("name", "governorate".equals(kind) ? p.name().replace(" Governorate", "") : p.asciiName());
		properties.put("kind", kind);
		properties.put("population", p.population());
		return Map.of("type", "Feature", "id", p.id(), "properties", properties, "geometry",
				Map.of("type", "Point", "coordinates", List.of(p.lon(), p.lat())));
	}

}
