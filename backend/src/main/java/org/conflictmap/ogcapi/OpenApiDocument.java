package org.conflictmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 definition of the OGC API endpoints, self-contained (no remote {@code $ref}s). The
 * {@code limit} parameter's maximum tells clients such as GDAL how large a page they may ask for.
 */
final class OpenApiDocument {

	private OpenApiDocument() {
	}

	static Map<String, Object> build(String serverUrl) {
		var doc = new LinkedHashMap<String, Object>();
		doc.put("openapi", "3.0.3");
		doc.put("info", Map.of("title", "conflict-map OGC API - Features", "version", "1.0.0", "description",
				"Curated conflict events as OGC API - Features (Part 1: Core, GeoJSON, HTML; Part 2: CRS; Part 3: "
						+ "CQL2 filters) and OGC API - Tiles (Mapbox Vector Tiles)."));
		doc.put("servers", List.of(Map.of("url", serverUrl)));
		var paths = new LinkedHashMap<String, Object>();
		paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f")), json("The landing page")));
		paths.put("/conformance", get("getConformance", "Conformance classes", List.of(ref("f")), json("The conformance classes")));
		paths.put("/api", get("getApi", "This API definition", List.of(ref("f")), Map.of("200",
				Map.of("description", "The OpenAPI document", "content", Map.of(OgcApi.OPENAPI, Map.of("schema", Map.of("type", "object")))))));
		paths.put("/collections", get("getCollections", "Feature collections", List.of(ref("f")), json("The collections")));
		paths.put("/collections/{collectionId}", get("describeCollection", "One collection",
				List.of(ref("collectionId"), ref("f")), json("The collection")));
		paths.put("/collections/{collectionId}/queryables", get("getQueryables", "What a filter may name (the events)",
				List.of(ref("collectionId"), ref("f")), Map.of("200", Map.of("description", "JSON Schema of the queryables",
						"content", Map.of(OgcApi.SCHEMA, Map.of())))));
		paths.put("/collections/{collectionId}/items", get("getFeatures", "Features of a collection",
				List.of(ref("collectionId"), ref("bbox"), ref("bbox-crs"), ref("datetime"), ref("limit"), ref("offset"),
						ref("crs"), ref("properties"), ref("filter"), ref("filter-lang"), ref("filter-crs"), ref("f")),
				geojson("A page of features (GeoJSON FeatureCollection)")));
		paths.put("/collections/{collectionId}/items/{featureId}", get("getFeature", "One feature",
				List.of(ref("collectionId"), ref("featureId"), ref("crs"), ref("f")), geojson("The feature (GeoJSON Feature)")));
		// OGC API - Tiles on each collection (OgcTilesController)
		paths.put("/collections/{collectionId}/tiles", get("getTilesets", "The collection's tilesets",
				List.of(ref("collectionId")), Map.of("200", Map.of("description", "The tilesets (WebMercatorQuad)",
						"content", Map.of(OgcApi.JSON, Map.of("schema", Map.of("type", "object")))))));
		paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}", get("getTileset", "A tileset's metadata",
				List.of(ref("collectionId"), ref("tileMatrixSetId")), Map.of("200", Map.of("description", "The tileset",
						"content", Map.of(OgcApi.JSON, Map.of("schema", Map.of("type", "object")))))));
		paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", get("getTile",
				"A Mapbox Vector Tile", List.of(ref("collectionId"), ref("tileMatrixSetId"), ref("tileMatrix"),
						ref("tileRow"), ref("tileCol"), ref("datetime"), ref("filter"), ref("filter-lang")),
				Map.of("200", Map.of("description", "The tile", "content", Map.of(OgcTiles.MVT, Map.of("schema",
						Map.of("type", "string", "format", "binary")))))));
		doc.put("paths", paths);
		var parameters = new LinkedHashMap<String, Object>();
		parameters.put("f", param("f", "query", false, "Encoding: json or html",
				Map.of("type", "string", "enum", List.of("json", "html"))));
		parameters.put("collectionId", param("collectionId", "path", true, "The collection", Map.of("type", "string",
				"enum", OgcApi.COLLECTIONS)));
		parameters.put("featureId", param("featureId", "path", true, "The event id", Map.of("type", "string")));
		parameters.put("tileMatrixSetId", param("tileMatrixSetId", "path", true, "The tile matrix set", Map.of("type",
				"string", "enum", List.of(OgcTiles.WEB_MERCATOR_QUAD))));
		parameters.put("tileMatrix", param("tileMatrix", "path", true, "The zoom level", Map.of("type", "integer",
				"minimum", 0, "maximum", OgcTiles.MAX_ZOOM)));
		parameters.put("tileRow", param("tileRow", "path", true, "The row, from the north", Map.of("type", "integer",
				"minimum", 0)));
		parameters.put("tileCol", param("tileCol", "path", true, "The column, from the west", Map.of("type", "integer",
				"minimum", 0)));
		// as OGC API - Features Part 1 defines them (its parameters/bbox.yaml, datetime.yaml, limit.yaml)
		parameters.put("bbox", form(param("bbox", "query", false,
				"minLon,minLat,maxLon,maxLat in CRS84, or 6 numbers with heights (ignored: events have none)",
				Map.of("type", "array", "minItems", 4, "maxItems", 6, "oneOf", List.of(Map.of("minItems", 4, "maxItems", 4),
						Map.of("minItems", 6, "maxItems", 6)), "items", Map.of("type", "number")))));
		parameters.put("datetime", form(param("datetime", "query", false,
				"An RFC 3339 date or date-time, or an interval a/b with .. for an open end; events whose days overlap it. "
						+ "For frontlines, one day (default: the latest day the data know of); for frontline-changes, "
						+ "the days between which land changed hands (a single date: since the day before; default: "
						+ "from the first day the data know of to the latest)",
				Map.of("type", "string"))));
		// as OGC API - Features Part 2 defines them
		parameters.put("crs", form(param("crs", "query", false, "The CRS of the response's coordinates (default CRS84), "
				+ "in its own axis order", Map.of("type", "string", "format", "uri", "enum", OgcCrs.SUPPORTED))));
		parameters.put("bbox-crs", form(param("bbox-crs", "query", false, "The CRS of bbox (default CRS84), in its own "
				+ "axis order", Map.of("type", "string", "format", "uri", "enum", OgcCrs.SUPPORTED))));
		// OGC API - Features Part 3: filtering with CQL2
		parameters.put("filter", param("filter", "query", false, "A CQL2 filter on the events (see /collections/events/"
				+ "queryables for the names it may use)", Map.of("type", "string")));
		parameters.put("filter-lang", param("filter-lang", "query", false, "The filter's encoding", Map.of("type", "string",
				"enum", List.of("cql2-text", "cql2-json"), "default", "cql2-text")));
		parameters.put("filter-crs", param("filter-crs", "query", false, "The CRS of the filter's geometries", Map.of("type",
				"string", "format", "uri", "enum", List.of(OgcApi.CRS84), "default", OgcApi.CRS84)));
		// OGC API - Features Part 6 (draft): property selection, for the events
		parameters.put("properties", form(param("properties", "query", false, "The events' properties to send "
				+ "(default all); not for the territory collections", Map.of("type", "array", "items",
						Map.of("type", "string", "enum", org.conflictmap.event.EventJson.PROPERTIES)))));
		parameters.put("limit", form(param("limit", "query", false, "Features per page", Map.of("type", "integer",
				"minimum", 1, "maximum", OgcApi.MAX_LIMIT, "default", OgcApi.DEFAULT_LIMIT))));
		parameters.put("offset", param("offset", "query", false, "Features to skip", Map.of("type", "integer",
				"minimum", 0, "default", 0)));
		doc.put("components", Map.of("parameters", parameters, "schemas", Map.of("problem", Map.of("type", "object",
				"properties", Map.of("title", Map.of("type", "string"), "status", Map.of("type", "integer"), "detail",
						Map.of("type", "string"), "parameter", Map.of("type", "string"))))));
		return doc;
	}

	private static Map<String, Object> get(String id, String summary, List<Object> parameters, Map<String, Object> ok) {
		var responses = new LinkedHashMap<String, Object>(ok);
		responses.put("400", Map.of("description", "A bad or unknown parameter", "content",
				Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/problem")))));
		responses.put("404", Map.of("description", "No such collection or feature"));
		return Map.of("get", Map.of("operationId", id, "summary", summary, "parameters", parameters, "responses", responses));
	}

	private static Map<String, Object> json(String description) {
		return Map.of("200", Map.of("description", description, "content", Map.of(OgcApi.JSON,
				Map.of("schema", Map.of("type", "object")), OgcApi.HTML, Map.of("schema", Map.of("type", "string")))));
	}

	private static Map<String, Object> geojson(String description) {
		return Map.of("200", Map.of("description", description, "content", Map.of(OgcApi.GEOJSON,
				Map.of("schema", Map.of("type", "object")), OgcApi.HTML, Map.of("schema", Map.of("type", "string")))));
	}

	/** A query parameter in the form style, not exploded, as Part 1 defines bbox, datetime and limit. */
	private static Map<String, Object> form(Map<String, Object> parameter) {
		parameter.put("style", "form");
		parameter.put("explode", false);
		return parameter;
	}

	private static Object ref(String parameter) {
		return Map.of("$ref", "#/components/parameters/" + parameter);
	}

	private static Map<String, Object> param(String name, String in, boolean required, String description,
			Map<String, Object> schema) {
		var p = new LinkedHashMap<String, Object>();
		p.put("name", name);
		p.put("in", in);
		p.put("required", required);
		p.put("description", description);
		p.put("schema", schema);
		return p;
	}

}
