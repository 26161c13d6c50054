package org.conflictmap.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Published events counted per cell of a screen-square grid at one zoom level: what the map draws in
 * place of markers when a view holds too many events to send one by one. Counts add up to the number
 * of events {@code /api/events} matches with the same filters.
 *
 * @param zoom the Web Mercator zoom level the grid is drawn for
 * @param cellPixels the cells' side in screen pixels at that zoom
 * @param matched every event counted, over all cells
 */
public record EventClusters(int zoom, int cellPixels, long matched, List<Cluster> clusters) {

	/** Cells of this many pixels: about a cluster icon and its margin. */
	public static final int CELL_PIXELS = 60;

	/** Web Mercator's zoom levels, as tile servers number them. */
	public static final int MAX_ZOOM = 22;

	/**
	 * One cell's events: where they lie on average, the box around them, and how many of each type.
	 * @param id {@code zoom/x/y} of the cell, stable for the same zoom
	 */
	public record Cluster(String id, long count, double lon, double lat, double[] bbox, Map<String, Long> byType) {
	}

	/** The grid's cell side in degrees of longitude at {@code zoom}. */
	static double cellLon(int zoom) {
		return 360.0 * CELL_PIXELS / (256.0 * Math.pow(2, zoom));
	}

	/** The same side in Mercator's y, which is in radians as longitude is. */
	static double cellY(int zoom) {
		return Math.toRadians(cellLon(zoom));
	}

	/** Adds up one row of the per-cell, per-type counts. */
	static final class Builder {

		private final int zoom;

		private final Map<String, Cell> cells = new LinkedHashMap<>();

		Builder(int zoom) {
			this.zoom = zoom;
		}

		void add(long cx, long cy, String type, long n, double sumLon, double sumLat, double minLon, double minLat,
				double maxLon, double maxLat) {
			Cell cell = cells.computeIfAbsent(zoom + "/" + cx + "/" + cy, Cell::new);
			cell.count += n;
			cell.sumLon += sumLon;
			cell.sumLat += sumLat;
			cell.minLon = Math.min(cell.minLon, minLon);
			cell.minLat = Math.min(cell.minLat, minLat);
			cell.maxLon = Math.max(cell.maxLon, maxLon);
			cell.maxLat = Math.max(cell.maxLat, maxLat);
			cell.byType.merge(type, n, Long::sum);
		}

		/** The clusters, largest first (then by id), so a client can draw the big ones on top. */
		EventClusters build() {
			var clusters = new ArrayList<Cluster>(cells.size());
			long matched = 0;
			for (Cell c : cells.values()) {
				matched += c.count;
				clusters.add(new Cluster(c.id, c.count, c.sumLon / c.count, c.sumLat / c.count,
						new double[] { c.minLon, c.minLat, c.maxLon, c.maxLat }, c.byType));
			}
			clusters.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.id().compareTo(b.id()));
			return new EventClusters(zoom, CELL_PIXELS, matched, clusters);
		}

		private static final class Cell {

			final String id;

			long count;

			double sumLon;

			double sumLat;

			double minLon = Double.POSITIVE_INFINITY;

			double minLat = Double.POSITIVE_INFINITY;

			double maxLon = Double.NEGATIVE_INFINITY;

			double maxLat = Double.NEGATIVE_INFINITY;

			final Map<String, Long> byType = new TreeMap<>();

			Cell(String id) {
				this.id = id;
			}

		}

	}

}
