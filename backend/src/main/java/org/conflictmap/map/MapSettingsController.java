package org.conflictmap.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.EventClusters;
import org.conflictmap.event.EventQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the map page takes from the service rather than writing down itself: the region it frames (name,
 * box, projection, outline), the constants it shares with the API (the largest page, the clusters' cell)
 * and the operator's optional online tile layer (none when its URL is blank).
 */
@RestController
class MapSettingsController {

	private final Map<String, Object> settings;

	MapSettingsController(MapRegion region, @Value("${conflictmap.map.tiles-url:}") String tilesUrl,
			@Value("${conflictmap.map.tiles-name:Online tiles}") String tilesName,
			@Value("${conflictmap.map.tiles-attribution:}") String attribution,
			@Value("${conflictmap.map.tiles-attribution-url:}") String attributionUrl) {
		var settings = new LinkedHashMap<String, Object>();
		var place = new LinkedHashMap<String, Object>();
		place.put("name", region.name());
		place.put("bbox", region.bboxList());
		// Leaflet's default: Web Mercator, as the clusters' grid assumes
		place.put("projection", "EPSG:3857");
		place.put("outline", "/data/countries.geojson");
		settings.put("region", place);
		settings.put("max_page", EventQuery.MAX_LIMIT);
		settings.put("cluster_cell_pixels", EventClusters.CELL_PIXELS);
		if (!tilesUrl.isBlank()) {
			var tiles = new LinkedHashMap<String, Object>();
			tiles.put("name", tilesName);
			tiles.put("url", tilesUrl);
			tiles.put("attribution", attribution);
			tiles.put("attribution_url", attributionUrl.isBlank() ? null : attributionUrl);
			settings.put("tiles", tiles);
		}
		this.settings = java.util.Collections.unmodifiableMap(settings);
	}

	@GetMapping("/api/map-settings")
	Map<String, Object> settings(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return settings;
	}

}
