package org.conflictmap.ogcapi;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.map.MapRegion;
import org.conflictmap.territory.TerritoryService;
import org.springframework.stereotype.Component;

/**
 * The territory's two collections, {@code frontlines} (one day) and {@code frontline-changes} (between two
 * days): what {@code datetime} selects in each, and their collection documents.
 */
@Component
class OgcTerritory {

	private final TerritoryService frontlines;

	/** The territory's extent: the configured region. */
	private final MapRegion region;

	OgcTerritory(TerritoryService frontlines, MapRegion region) {
		this.frontlines = frontlines;
		this.region = region;
	}

	/**
	 * What a territory collection holds for a request: its features, the foreign members that say for
	 * when ({@code date}, or {@code from}, {@code to} and {@code km2}), and the same in words.
	 */
	record Layer(List<TerritoryService.Feature> features, Map<String, Object> members, String when) {
	}

	/**
	 * {@code frontlines}: the territory of one day (datetime, a single date; the latest day when absent).
	 * {@code frontline-changes}: what each side gained and lost between the ends of datetime (a single
	 * date: since the day before; an open end, or no datetime: the first or latest day the data know of).
	 */
	Layer layer(String collectionId, Map<String, String[]> params) {
		String datetime = Parameters.single(params, "datetime");
		DateRange range = datetime == null ? null : DateRange.parse(datetime);
		if (OgcApi.FRONTLINES.equals(collectionId)) {
			if (range != null && (range.from() == null || !range.from().equals(range.to()))) {
				throw new BadRequestException("datetime", "frontlines are drawn for one day: give datetime as a single date, "
						+ "not '" + datetime + "'");
			}
			TerritoryService.Published day = frontlines.on(range == null ? lastDay() : range.from());
			return new Layer(day.features(), Map.of("date", day.date().toString()), "on " + day.date());
		}
		LocalDate from = range == null || range.from() == null ? firstDay() : range.from();
		LocalDate to = range == null || range.to() == null ? lastDay() : range.to();
		if (range != null && range.from() != null && range.from().equals(range.to())) {
			from = to.minusDays(1);
		}
		TerritoryService.Movement movement = frontlines.movement(from, to.isBefore(from) ? from : to);
		var members = new LinkedHashMap<String, Object>();
		members.put("from", movement.from().toString());
		members.put("to", movement.to().toString());
		members.put("km2", movement.km2());
		return new Layer(movement.features(), members, "from " + movement.from() + " to " + movement.to());
	}

	private LocalDate firstDay() {
		return territoryDates().get(0);
	}

	private LocalDate lastDay() {
		List<LocalDate> dates = territoryDates();
		return dates.get(dates.size() - 1);
	}

	private List<LocalDate> territoryDates() {
		List<LocalDate> dates = frontlines.dates();
		if (dates.isEmpty()) {
			throw new NotFoundException("there is no territory data yet");
		}
		return dates;
	}

	Map<String, Object> collection(String id, String title, String description, String itemsTitle) {
		var c = new LinkedHashMap<String, Object>();
		c.put("id", id);
		c.put("title", title);
		c.put("description", description);
		c.put("itemType", "feature");
		c.put("crs", OgcCrs.SUPPORTED);
		c.put("storageCrs", OgcApi.CRS84);
		List<LocalDate> dates = frontlines.dates();
		if (!dates.isEmpty()) {
			c.put("extent", Map.of("spatial", Map.of("bbox", List.of(region.bboxList()), "crs", OgcApi.CRS84),
					"temporal", Map.of("interval", List.of(List.of(dates.get(0) + "T00:00:00Z", dates.get(dates.size() - 1)
							+ "T23:59:59Z")), "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian")));
		}
		String self = OgcApiController.url("/collections/" + id);
		c.put("links", List.of(OgcApiController.link(self, "self", OgcApi.JSON, "This collection"),
				OgcApiController.link(self + "/items", "items", OgcApi.GEOJSON, itemsTitle),
				OgcApiController.link(self + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", OgcApi.JSON,
						"As vector tiles")));
		return c;
	}

}
