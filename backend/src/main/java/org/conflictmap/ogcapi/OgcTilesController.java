package org.conflictmap.ogcapi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API - Tiles (core, tileset, tilesets list, geodata tilesets, Mapbox Vector Tiles) on every
 * collection: its tilesets, the WebMercatorQuad tileset's metadata, and its tiles, which honour
 * {@code datetime} (and on the events {@code filter}) as the items do. QGIS and MapLibre open
 * {@code /ogcapi/collections/events/tiles/WebMercatorQuad/{z}/{y}/{x}} by URL.
 */
@RestController
class OgcTilesController {

	private static final String TILES = OgcApi.ROOT + "/collections/{collectionId}/tiles";

	private static final Set<String> EVENT_TILE_PARAMETERS = Set.of("datetime", "filter", "filter-lang", "filter-crs");

	private final OgcTiles tiles;

	private final OgcTerritory territory;

	OgcTilesController(OgcTiles tiles, OgcTerritory territory) {
		this.tiles = tiles;
		this.territory = territory;
	}

	@GetMapping(TILES)
	void tilesets(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of("f"));
		OgcApiController.requireCollection(collectionId);
		var body = new LinkedHashMap<String, Object>();
		body.put("links", List.of(OgcApiController.link(OgcApiController.url("/collections/" + collectionId + "/tiles"),
				"self", OgcApi.JSON, "The tilesets of " + collectionId)));
		body.put("tilesets", List.of(tileset(collectionId, false)));
		OgcApiController.sendJson(response, OgcApi.JSON, body);
	}

	@GetMapping(TILES + "/{tileMatrixSet}")
	void tileset(@PathVariable String collectionId, @PathVariable String tileMatrixSet, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of("f"));
		OgcApiController.requireCollection(collectionId);
		requireMatrixSet(tileMatrixSet);
		OgcApiController.sendJson(response, OgcApi.JSON, tileset(collectionId, true));
	}

	@GetMapping(TILES + "/{tileMatrixSet}/{tileMatrix}/{tileRow}/{tileCol}")
	void tile(@PathVariable String collectionId, @PathVariable String tileMatrixSet, @PathVariable String tileMatrix,
			@PathVariable String tileRow, @PathVariable String tileCol, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		OgcApiController.requireCollection(collectionId);
		requireMatrixSet(tileMatrixSet);
		Map<String, String[]> params = request.getParameterMap();
		int z = index(tileMatrix, "tileMatrix");
		int row = index(tileRow, "tileRow");
		int col = index(tileCol, "tileCol");
		byte[] tile;
		if (OgcApi.EVENTS.equals(collectionId)) {
			Parameters.requireOnly(params, EVENT_TILE_PARAMETERS);
			tile = tiles.events(z, row, col, OgcApiController.query(params));
		}
		else {
			Parameters.requireOnly(params, Set.of("datetime"));
			tile = tiles.territory(z, row, col, collectionId, territory.layer(collectionId, params).features());
		}
		response.setContentType(OgcTiles.MVT);
		response.setContentLength(tile.length);
		response.getOutputStream().write(tile);
	}

	/** A tileset's description; with {@code full}, its layer too. */
	private static Map<String, Object> tileset(String collectionId, boolean full) {
		String self = OgcApiController.url("/collections/" + collectionId + "/tiles/" + OgcTiles.WEB_MERCATOR_QUAD);
		var t = new LinkedHashMap<String, Object>();
		t.put("title", collectionId + " as Mapbox Vector Tiles");
		t.put("dataType", "vector");
		t.put("crs", "http://www.opengis.net/def/crs/EPSG/0/3857");
		t.put("tileMatrixSetURI", OgcTiles.TILE_MATRIX_SET_URI);
		var item = OgcApiController.link(self + "/{tileMatrix}/{tileRow}/{tileCol}", "item", OgcTiles.MVT,
				"A tile (datetime" + (OgcApi.EVENTS.equals(collectionId) ? " and filter as on the items)" : " as on the items)"));
		item.put("templated", true);
		t.put("links", List.of(OgcApiController.link(self, "self", OgcApi.JSON, "This tileset"),
				OgcApiController.link(OgcTiles.TILE_MATRIX_SET_URI, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
						OgcApi.JSON, "The WebMercatorQuad tile matrix set"),
				item));
		if (full) {
			var layer = new LinkedHashMap<String, Object>();
			layer.put("id", collectionId);
			layer.put("dataType", "vector");
			layer.put("geometryDimension", OgcApi.EVENTS.equals(collectionId) ? 0 : 2);
			layer.put("minTileMatrix", "0");
			layer.put("maxTileMatrix", String.valueOf(OgcTiles.MAX_ZOOM));
			t.put("layers", List.of(layer));
		}
		return t;
	}

	private static void requireMatrixSet(String id) {
		if (!OgcTiles.WEB_MERCATOR_QUAD.equals(id)) {
			throw new NotFoundException("no tile matrix set '" + id + "'; the tiles are in " + OgcTiles.WEB_MERCATOR_QUAD);
		}
	}

	private static int index(String value, String name) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(name, name + " must be a whole number, not '" + value + "'");
		}
	}

}
