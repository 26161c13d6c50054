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

	/** One row of the per-cell, per-type counts: how many, their coordinates' sums and extent. */
	record CellCount(long cx, long cy, String type, long n, double sumLon, double sumLat, double minLon,
			double minLat, double maxLon, double maxLat) {
	}

	/** Adds up rows of the per-cell, per-type counts. */
	static final class Builder {

		private final int zoom;

		private final Map<CellKey, Cell> cells = new LinkedHashMap<>();

		Builder(int zoom) {
			this.zoom = zoom;
		}

		void add(CellCount row) {
			Cell cell = cells.computeIfAbsent(new CellKey(row.cx(), row.cy()), k -> new Cell(zoom + "/" + k.cx() + "/" + k.cy()));
			cell.count += row.n();
			cell.sumLon += row.sumLon();
			cell.sumLat += row.sumLat();
			cell.minLon = Math.min(cell.minLon, row.minLon());
			cell.minLat = Math.min(cell.minLat, row.minLat());
			cell.maxLon = Math.max(cell.maxLon, row.maxLon());
			cell.maxLat = Math.max(cell.maxLat, row.maxLat());
			cell.byType.merge(row.type(), row.n(), Long::sum);
		}

		private record CellKey(long cx, long cy) {
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
