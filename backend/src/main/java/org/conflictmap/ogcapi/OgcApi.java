package org.conflictmap.ogcapi;

import java.util.List;

/** OGC API - Features vocabulary in one place: paths, link relations, media types, conformance classes. */
final class OgcApi {

	static final String ROOT = "/ogcapi";

	static final String EVENTS = "events";

	static final String FRONTLINES = "frontlines";

	static final String FRONTLINE_CHANGES = "frontline-changes";

	static final List<String> COLLECTIONS = List.of(EVENTS, FRONTLINES, FRONTLINE_CHANGES);

	static final int DEFAULT_LIMIT = 100;

	/** Advertised in the OpenAPI document, so clients such as GDAL ask for large pages. */
	static final int MAX_LIMIT = 10_000;

	/**
	 * The least a {@code next} link asks for. A client that follows next links reads the rest of a collection
	 * in pages of at least this many: GDAL before 3.8 asks for 10 a page whatever the API says, so reading
	 * 37,000 events took 3,700 requests; from the second page on it takes 37. The page asked for is never
	 * larger than its limit; a client that wants its own page size writes its own offsets.
	 */
	static final int NEXT_PAGE_LIMIT = 1_000;

	static final String JSON = "application/json";

	static final String GEOJSON = "application/geo+json";

	static final String HTML = "text/html";

	static final String SCHEMA = "application/schema+json";

	static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

	static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	/** Part 2: the CRS of a response's coordinates, as {@code <uri>}. */
	static final String CONTENT_CRS = "Content-Crs";

	static final List<String> CONFORMANCE = List.of(
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
			"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
			// Part 3 and CQL2: see OgcFilter for what each class covers here
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
			"http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
			"http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
			"http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
			"http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
			"http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
			"http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
			"http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
			// OGC API - Tiles: see OgcTilesController
			"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
			"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
			"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
			"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

	private OgcApi() {
	}

}
