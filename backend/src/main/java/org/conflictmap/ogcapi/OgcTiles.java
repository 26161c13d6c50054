package org.conflictmap.ogcapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventClusters;
import org.conflictmap.event.EventCounts;
import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.map.Reprojection;
import org.conflictmap.territory.TerritoryService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.opengis.referencing.operation.MathTransform;
import org.springframework.stereotype.Component;

/**
 * OGC API - Tiles on the collections: Mapbox Vector Tiles in the WebMercatorQuad tile matrix set, one
 * layer named after the collection. A tile of events holds each event as a point with its main
 * properties, or, when more than {@link #RAW_IN_TILE} fall in it, their clusters (the map's own,
 * {@code cluster: true} and {@code point_count}); a tile of the territory holds its areas and lines
 * clipped to the tile.
 */
@Component
class OgcTiles {

	static final String MVT = "application/vnd.mapbox-vector-tile";

	static final String WEB_MERCATOR_QUAD = "WebMercatorQuad";

	static final String TILE_MATRIX_SET_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";

	static final int MAX_ZOOM = 22;

	/** Above this many events a tile carries their clusters instead. */
	static final int RAW_IN_TILE = 2_000;

	/** Tile units per side, and the margin (in them) kept around a tile so symbols at its edge are whole. */
	static final int EXTENT = 4096;

	static final int BUFFER = 64;

	private static final double HALF_WORLD = 20037508.342789244;

	private static final GeometryFactory TILE = new GeometryFactory();

	private final EventRepository events;

	private final EventCounts counts;

	OgcTiles(EventRepository events, EventCounts counts) {
		this.events = events;
		this.counts = counts;
	}

	/** A tile's box in EPSG:3857 metres; 404 for a tile outside the matrix set. */
	static Envelope tile(int z, int row, int col) {
		if (z < 0 || z > MAX_ZOOM || row < 0 || col < 0 || row >= (1L << z) || col >= (1L << z)) {
			throw new NotFoundException("WebMercatorQuad has no tile " + z + "/" + row + "/" + col + " (tile matrices 0 to "
					+ MAX_ZOOM + ", rows and columns 0 to 2^matrix - 1)");
		}
		double size = 2 * HALF_WORLD / (1L << z);
		double minX = -HALF_WORLD + col * size;
		double maxY = HALF_WORLD - row * size;
		return new Envelope(minX, minX + size, maxY - size, maxY);
	}

	/** The events of {@code query} (its dates and filter; its box and paging are the tile's) in one tile. */
	byte[] events(int z, int row, int col, EventQuery query) {
		Envelope tile = tile(z, row, col);
		Envelope lonLat = lonLat(buffered(tile));
		EventQuery inTile = new EventQuery(query.from(), query.to(), lonLat, EventQuery.MAX_LIMIT, 0, query.types(),
				query.actors(), query.claimStatuses(), query.text(), query.filter());
		var points = new ArrayList<Geometry>();
		if (events.countUpTo(inTile, RAW_IN_TILE + 1) <= RAW_IN_TILE) {
			events.forEach(inTile, e -> points.add(point(tile, e.geom().getX(), e.geom().getY(), properties(e))));
		}
		else {
			for (EventClusters.Cluster c : counts.clusters(inTile, Math.min(z, EventClusters.MAX_ZOOM)).clusters()) {
				var p = new LinkedHashMap<String, Object>();
				p.put("cluster", true);
				p.put("point_count", c.count());
				p.put("event_type", c.byType().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
					.orElse(""));
				points.add(point(tile, c.lon(), c.lat(), p));
			}
		}
		return MvtEncoder.encode(new JtsMvt(new JtsLayer(OgcApi.EVENTS, points, EXTENT)));
	}

	/** A territory collection's features in one tile, clipped to it (with its margin). */
	byte[] territory(int z, int row, int col, String collection, List<TerritoryService.Feature> features) {
		Envelope tile = tile(z, row, col);
		var params = new MvtLayerParams(EXTENT);
		var shapes = new ArrayList<Geometry>();
		for (TerritoryService.Feature f : features) {
			Geometry mercator = Reprojection.apply(f.geometry(), toMercator());
			if (!mercator.getEnvelopeInternal().intersects(tile)) {
				continue;
			}
			Geometry inTile = JtsAdapter.createTileGeom(mercator, tile, buffered(tile), TILE, params, g -> true);
			if (inTile != null && !inTile.isEmpty()) {
				var p = new LinkedHashMap<String, Object>();
				p.put("id", f.id());
				f.properties().forEach((name, value) -> {
					if (value instanceof String || value instanceof Number || value instanceof Boolean) {
						p.put(name, value);
					}
				});
				inTile.setUserData(p);
				shapes.add(inTile);
			}
		}
		return MvtEncoder.encode(new JtsMvt(new JtsLayer(collection, shapes, EXTENT)));
	}

	private static Map<String, Object> properties(Event e) {
		var p = new LinkedHashMap<String, Object>();
		p.put("id", e.id());
		p.put("title", e.title());
		p.put("event_type", e.eventType());
		p.put("sub_event_type", e.subEventType());
		p.put("date_start", e.dateStart().toString());
		p.put("date_end", e.dateEnd().toString());
		p.put("claim_status", e.claimStatus());
		if (e.fatalities() != null) {
			p.put("fatalities", e.fatalities());
		}
		return p;
	}

	/** A lon/lat point in the tile's units (y down), carrying its properties. */
	private static Geometry point(Envelope tile, double lon, double lat, Map<String, Object> properties) {
		double x = HALF_WORLD * lon / 180;
		double y = Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * HALF_WORLD / Math.PI;
		Geometry p = TILE.createPoint(new Coordinate(Math.round((x - tile.getMinX()) / tile.getWidth() * EXTENT),
				Math.round((tile.getMaxY() - y) / tile.getHeight() * EXTENT)));
		p.setUserData(properties);
		return p;
	}

	private static Envelope buffered(Envelope tile) {
		var b = new Envelope(tile);
		b.expandBy(tile.getWidth() * BUFFER / EXTENT);
		return b;
	}

	/** A box in EPSG:3857 as the lon/lat box that holds it, latitudes kept inside the projection's. */
	private static Envelope lonLat(Envelope m) {
		double west = Math.max(-180, m.getMinX() / HALF_WORLD * 180);
		double east = Math.min(180, m.getMaxX() / HALF_WORLD * 180);
		return new Envelope(west, east, latitude(Math.max(-HALF_WORLD, m.getMinY())),
				latitude(Math.min(HALF_WORLD, m.getMaxY())));
	}

	private static double latitude(double y) {
		return Math.toDegrees(Math.atan(Math.sinh(y / HALF_WORLD * Math.PI)));
	}

	private static MathTransform toMercator() {
		return OgcCrs.WEB_MERCATOR.transform();
	}

}
