package org.conflictmap.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.Parameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the map page needs from the operator's configuration: the optional online tile layer it offers
 * beside the offline outlines (URL template and attribution), or none when the URL is blank.
 */
@RestController
class MapSettingsController {

	private final Map<String, Object> settings;

	MapSettingsController(@Value("${conflictmap.map.tiles-url:}") String tilesUrl,
			@Value("${conflictmap.map.tiles-name:Online tiles}") String tilesName,
			@Value("${conflictmap.map.tiles-attribution:}") String attribution,
			@Value("${conflictmap.map.tiles-attribution-url:}") String attributionUrl) {
		if (tilesUrl.isBlank()) {
			this.settings = Map.of();
			return;
		}
		var tiles = new LinkedHashMap<String, Object>();
		tiles.put("name", tilesName);
		tiles.put("url", tilesUrl);
		tiles.put("attribution", attribution);
		tiles.put("attribution_url", attributionUrl.isBlank() ? null : attributionUrl);
		this.settings = Map.of("tiles", tiles);
	}

	@GetMapping("/api/map-settings")
	Map<String, Object> settings(HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return settings;
	}

}
