package org.conflictmap.ogcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.territory.TerritoryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) over the published events, so QGIS and
 * GDAL add the layer by URL. Items go through the same {@link EventQuery} as {@code /api/events}:
 * {@code datetime} becomes its date range, {@code bbox} its box.
 */
@RestController
class OgcApiController {

	private static final Set<String> ONLY_F = Set.of("f");

	private static final Set<String> ITEM_PARAMETERS = Set.of("bbox", "bbox-crs", "datetime", "limit", "offset", "crs",
			"properties", "filter", "filter-lang", "filter-crs", "f");

	private final EventRepository events;

	private final OgcTerritory territory;

	OgcApiController(EventRepository events, OgcTerritory territory) {
		this.events = events;
		this.territory = territory;
	}

	@GetMapping({ OgcApi.ROOT, OgcApi.ROOT + "/" })
	void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), ONLY_F);
		var body = new LinkedHashMap<String, Object>();
		body.put("title", "conflict-map");
		body.put("description", "Curated conflict events, geocoded from news reports, as OGC API - Features.");
		body.put("links", List.of(link(url("/"), "self", OgcApi.JSON, "This document"),
				link(url("/") + "?f=html", "alternate", OgcApi.HTML, "This document as HTML"),
				link(url("/api"), "service-desc", OgcApi.OPENAPI, "The API definition"),
				link(url("/conformance"), "conformance", OgcApi.JSON, "Conformance classes"),
				link(url("/collections"), "data", OgcApi.JSON, "The collections")));
		send(request, response, body, () -> OgcHtml.landing(body));
	}

	@GetMapping(OgcApi.ROOT + "/conformance")
	void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), ONLY_F);
		Map<String, Object> body = Map.of("conformsTo", OgcApi.CONFORMANCE);
		send(request, response, body, () -> OgcHtml.list("Conformance", OgcApi.CONFORMANCE));
	}

	@GetMapping(OgcApi.ROOT + "/api")
	void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), ONLY_F);
		Map<String, Object> body = OpenApiDocument.build(url(""));
		if (Encoding.of(request) == Encoding.HTML) {
			sendHtml(response, OgcHtml.pre("API definition (OpenAPI 3.0)", EventJson.MAPPER.writerWithDefaultPrettyPrinter()
				.writeValueAsString(body)));
			return;
		}
		sendJson(response, OgcApi.OPENAPI, body);
	}

	@GetMapping(OgcApi.ROOT + "/collections")
	void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), ONLY_F);
		List<Map<String, Object>> all = OgcApi.COLLECTIONS.stream().map(this::collection).toList();
		var body = new LinkedHashMap<String, Object>();
		body.put("links", List.of(link(url("/collections"), "self", OgcApi.JSON, "This document"),
				link(url("/collections") + "?f=html", "alternate", OgcApi.HTML, "This document as HTML")));
		body.put("collections", all);
		send(request, response, body, () -> OgcHtml.collections(all));
	}

	@GetMapping(OgcApi.ROOT + "/collections/{collectionId}")
	void collection(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Parameters.requireOnly(request.getParameterMap(), ONLY_F);
		requireCollection(collectionId);
		Map<String, Object> body = collection(collectionId);
		send(request, response, body, () -> OgcHtml.collections(List.of(body)));
	}

	/** Part 3: what a filter on the collection may name, as JSON Schema (the events only are filtered). */
	@GetMapping(OgcApi.ROOT + "/collections/{collectionId}/queryables")
	void queryables(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Parameters.requireOnly(request.getParameterMap(), ONLY_F);
		requireCollection(collectionId);
		if (!OgcApi.EVENTS.equals(collectionId)) {
			throw new NotFoundException("the " + collectionId + " collection takes no filter; the events do");
		}
		Map<String, Object> body = org.conflictmap.ogcapi.cql.Queryables.schema(url("/collections/events/queryables"));
		send(request, response, body, () -> OgcHtml.pre("Queryables of the events",
				EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body)), OgcApi.SCHEMA);
	}

	@GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items")
	void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Map<String, String[]> params = request.getParameterMap();
		Parameters.requireOnly(params, ITEM_PARAMETERS);
		requireCollection(collectionId);
		if (!OgcApi.EVENTS.equals(collectionId)) {
			territoryItems(collectionId, request, response);
			return;
		}
		EventQuery query = query(params);
		OgcCrs crs = OgcCrs.parameter(params, "crs");
		Set<String> selected = OgcFeatures.selectedProperties(params);
		long matched = events.count(query);
		Encoding encoding = Encoding.of(request);
		if (encoding == Encoding.HTML) {
			var page = new ArrayList<Event>();
			events.forEach(query, page::add);
			sendHtml(response, OgcHtml.items(page, matched, query.offset()));
			return;
		}
		var members = new LinkedHashMap<String, Object>();
		members.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		members.put("links", itemLinks(request, query, matched));
		response.setContentType(OgcApi.GEOJSON);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(OgcApi.CONTENT_CRS, crs.header());
		EventJson.writeFeatureCollection(response.getOutputStream(), members, json -> {
			events.forEach(query, e -> json.writePOJO(OgcFeatures.event(e, crs, selected)));
			return matched;
		});
	}

	/** This request's address with {@code f} set to {@code f} (or left out when null). */
	private static String withF(HttpServletRequest request, String f) {
		var builder = ServletUriComponentsBuilder.fromRequest(request);
		return (f == null ? builder.replaceQueryParam("f") : builder.replaceQueryParam("f", f)).build().toUriString();
	}

	@GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}")
	void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		requireCollection(collectionId);
		if (!OgcApi.EVENTS.equals(collectionId)) {
			Parameters.requireOnly(request.getParameterMap(), Set.of("f", "datetime", "crs"));
			OgcCrs crs = OgcCrs.parameter(request.getParameterMap(), "crs");
			OgcTerritory.Layer layer = territory.layer(collectionId, request.getParameterMap());
			TerritoryService.Feature f = layer.features().stream().filter(x -> x.id().equals(featureId)).findFirst()
				.orElseThrow(() -> new NotFoundException("no " + collectionId + " feature '" + featureId + "' " + layer.when()));
			Map<String, Object> feature = OgcFeatures.territory(f, crs);
			feature.put("links", List.of(link(withF(request, null), "self", OgcApi.GEOJSON, "This feature"),
					link(withF(request, "html"), "alternate", OgcApi.HTML, "This feature as HTML"),
					link(url("/collections/" + collectionId), "collection", OgcApi.JSON, "The " + collectionId + " collection")));
			if (Encoding.of(request) == Encoding.HTML) {
				sendHtml(response, OgcHtml.pre(featureId + " " + layer.when(),
						EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(feature)));
				return;
			}
			response.setHeader(OgcApi.CONTENT_CRS, crs.header());
			sendJson(response, OgcApi.GEOJSON, feature);
			return;
		}
		Parameters.requireOnly(request.getParameterMap(), Set.of("f", "crs"));
		OgcCrs crs = OgcCrs.parameter(request.getParameterMap(), "crs");
		Event event = events.findById(featureId)
			.filter(e -> "published".equals(e.status()))
			.orElseThrow(() -> new NotFoundException("no published event has the id '" + featureId + "'"));
		Map<String, Object> feature = OgcFeatures.event(event, crs, null);
		feature.put("links", List.of(link(withF(request, null), "self", OgcApi.GEOJSON, "This feature"),
				link(withF(request, "html"), "alternate", OgcApi.HTML, "This feature as HTML"),
				link(url("/collections/events"), "collection", OgcApi.JSON, "The events collection")));
		if (Encoding.of(request) == Encoding.HTML) {
			sendHtml(response, OgcHtml.items(List.of(event), 1, 0));
			return;
		}
		response.setHeader(OgcApi.CONTENT_CRS, crs.header());
		sendJson(response, OgcApi.GEOJSON, feature);
	}

	/** OGC parameters mapped onto the query the whole service shares. */
	static EventQuery query(Map<String, String[]> params) {
		var translated = pagingOnly(params);
		String datetime = Parameters.single(params, "datetime");
		if (datetime != null) {
			DateRange range = DateRange.parse(datetime);
			if (range.from() != null) {
				translated.put("from", new String[] { range.from().toString() });
			}
			if (range.to() != null) {
				translated.put("to", new String[] { range.to().toString() });
			}
		}
		EventQuery query = EventQuery.fromParameters(translated, OgcApi.DEFAULT_LIMIT, OgcApi.MAX_LIMIT);
		return OgcFilter.apply(query, params);
	}

	private List<Map<String, Object>> itemLinks(HttpServletRequest request, EventQuery query, long matched) {
		return itemLinks(request, query, matched, OgcApi.EVENTS);
	}

	private List<Map<String, Object>> itemLinks(HttpServletRequest request, EventQuery query, long matched,
			String collection) {
		var links = new ArrayList<Map<String, Object>>();
		links.add(link(page(request, query.offset(), query.limit(), "json"), "self", OgcApi.GEOJSON, "This page"));
		links.add(link(page(request, query.offset(), query.limit(), "html"), "alternate", OgcApi.HTML, "This page as HTML"));
		if ((long) query.offset() + query.limit() < matched) {
			int next = Math.max(query.limit(), OgcApi.NEXT_PAGE_LIMIT);
			links.add(link(page(request, query.offset() + query.limit(), next, "json"), "next", OgcApi.GEOJSON, "Next page"));
		}
		if (query.offset() > 0) {
			links.add(link(page(request, Math.max(0, query.offset() - query.limit()), query.limit(), "json"), "prev", OgcApi.GEOJSON,
					"Previous page"));
		}
		links.add(link(url("/collections/" + collection), "collection", OgcApi.JSON, "The " + collection + " collection"));
		return links;
	}

	/**
	 * This request's address for another page; a limit it gave is written as clamped (never above the maximum),
	 * and one that differs from the default is always written.
	 */
	private static String page(HttpServletRequest request, int offset, int limit, String f) {
		var builder = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("offset", offset)
			.replaceQueryParam("f", f);
		if (request.getParameter("limit") != null || limit != OgcApi.DEFAULT_LIMIT) {
			builder.replaceQueryParam("limit", limit);
		}
		return builder.build().toUriString();
	}

	private Map<String, Object> eventsCollection() {
		var c = new LinkedHashMap<String, Object>();
		c.put("id", OgcApi.EVENTS);
		c.put("title", "Conflict events");
		c.put("description", "Published conflict events: points in WGS84 with their dates, actors, claims and sources.");
		c.put("itemType", "feature");
		c.put("crs", OgcCrs.SUPPORTED);
		c.put("storageCrs", OgcApi.CRS84);
		EventRepository.Extent extent = events.extent();
		if (extent != null) {
			var b = extent.bbox();
			c.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY())),
					"crs", OgcApi.CRS84), "temporal", Map.of("interval",
							List.of(List.of(extent.firstDay() + "T00:00:00Z", extent.lastDay() + "T23:59:59Z")),
							"trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian")));
		}
		String self = url("/collections/events");
		c.put("links", List.of(link(self, "self", OgcApi.JSON, "This collection"),
				link(self + "?f=html", "alternate", OgcApi.HTML, "This collection as HTML"),
				link(self + "/items", "items", OgcApi.GEOJSON, "The events"),
				link(self + "/items?f=html", "items", OgcApi.HTML, "The events as HTML"),
				link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", OgcApi.SCHEMA,
						"What a filter may name"),
				link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", OgcApi.JSON,
						"The events as vector tiles")));
		return c;
	}

	static void requireCollection(String id) {
		if (!OgcApi.COLLECTIONS.contains(id)) {
			throw new NotFoundException("no collection '" + id + "'; this service has: " + String.join(", ", OgcApi.COLLECTIONS));
		}
	}

	/** A territory collection's features for the request, paged like events. */
	private void territoryItems(String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Map<String, String[]> params = request.getParameterMap();
		for (String eventsOnly : List.of("properties", "filter")) {
			if (params.containsKey(eventsOnly)) {
				throw new BadRequestException(eventsOnly, eventsOnly + " applies to the events; the " + collectionId
						+ " collection's few features are sent whole");
			}
		}
		OgcTerritory.Layer layer = territory.layer(collectionId, params);
		EventQuery paging = EventQuery.fromParameters(pagingOnly(params), OgcApi.DEFAULT_LIMIT, OgcApi.MAX_LIMIT);
		List<TerritoryService.Feature> matching = layer.features()
			.stream()
			.filter(f -> paging.bbox() == null || f.geometry().getEnvelopeInternal().intersects(paging.bbox()))
			.toList();
		OgcCrs crs = OgcCrs.parameter(params, "crs");
		List<Object> page = matching.stream().skip(paging.offset()).limit(paging.limit()).map(f -> (Object) OgcFeatures.territory(f, crs)).toList();
		if (Encoding.of(request) == Encoding.HTML) {
			sendHtml(response, OgcHtml.pre(collectionId + " " + layer.when(), EventJson.MAPPER.writerWithDefaultPrettyPrinter()
				.writeValueAsString(page)));
			return;
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "FeatureCollection");
		body.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		body.putAll(layer.members());
		body.put("numberMatched", matching.size());
		body.put("numberReturned", page.size());
		body.put("links", itemLinks(request, paging, matching.size(), collectionId));
		body.put("features", page);
		response.setHeader(OgcApi.CONTENT_CRS, crs.header());
		sendJson(response, OgcApi.GEOJSON, body);
	}

	/**
	 * The paging and box parameters as {@link EventQuery} takes them: a {@code bbox} given in another
	 * {@code bbox-crs} becomes the CRS84 box that holds it.
	 */
	private static Map<String, String[]> pagingOnly(Map<String, String[]> params) {
		var out = new HashMap<String, String[]>();
		OgcCrs bboxCrs = OgcCrs.parameter(params, "bbox-crs");
		for (String name : List.of("bbox", "limit", "offset")) {
			String value = Parameters.single(params, name);
			if (value != null) {
				out.put(name, new String[] { "bbox".equals(name) && !bboxCrs.isStorage() ? bboxCrs.storageBbox(value) : value });
			}
		}
		return out;
	}

	private Map<String, Object> collection(String id) {
		return switch (id) {
			case OgcApi.EVENTS -> eventsCollection();
			case OgcApi.FRONTLINES -> territory.collection(id, "Frontlines", "Control areas, contested areas and the front "
					+ "line of one day (datetime=YYYY-MM-DD; default the latest day), from the curated assessments and the "
					+ "events.", "The latest day's territory");
			default -> territory.collection(id, "Frontline changes", "The areas each side gained and lost between two days "
					+ "(datetime=2024-11-26/2024-12-05; a single date: since the day before; default the whole record), "
					+ "with their km2 and the evidence that moved them.", "The changes over the whole record");
		};
	}

	static String url(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(OgcApi.ROOT + path).build().toUriString();
	}

	static Map<String, Object> link(String href, String rel, String type, String title) {
		var l = new LinkedHashMap<String, Object>();
		l.put("href", href);
		l.put("rel", rel);
		l.put("type", type);
		l.put("title", title);
		return l;
	}

	/** Which encoding a request asks for: {@code f} first, then the Accept header; JSON by default. */
	enum Encoding {

		JSON, HTML;

		static Encoding of(HttpServletRequest request) {
			String f = Parameters.single(request.getParameterMap(), "f");
			if (f != null) {
				return switch (f) {
					case "json" -> JSON;
					case "html" -> HTML;
					default -> throw new BadRequestException("f", "f must be json or html, not '" + f + "'");
				};
			}
			String accept = request.getHeader("Accept");
			return accept != null && accept.contains(OgcApi.HTML) && !accept.contains("json") ? HTML : JSON;
		}

	}

	private static void send(HttpServletRequest request, HttpServletResponse response, Map<String, Object> body,
			java.util.function.Supplier<String> html) throws IOException {
		send(request, response, body, html, OgcApi.JSON);
	}

	private static void send(HttpServletRequest request, HttpServletResponse response, Map<String, Object> body,
			java.util.function.Supplier<String> html, String jsonType) throws IOException {
		if (Encoding.of(request) == Encoding.HTML) {
			sendHtml(response, html.get());
		}
		else {
			sendJson(response, jsonType, body);
		}
	}

	static void sendJson(HttpServletResponse response, String type, Object body) throws IOException {
		response.setContentType(type);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(EventJson.MAPPER.writeValueAsBytes(body));
	}

	private static void sendHtml(HttpServletResponse response, String html) throws IOException {
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
	}

}
