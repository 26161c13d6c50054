package org.conflictmap.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.conflictmap.event.Event;
import org.conflictmap.event.EventVocabulary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** How one published CSV layout (ACLED, UCDP GED) becomes events. */
abstract class RowFormat {

	/** An event made from a row, and whether the gazetteer disagreed with the row's coordinates. */
	record Mapped(Event event, boolean gazetteerDisagrees) {
	}

	static final String METHOD = "file-coordinates";

	static final int MAX_ACTOR = 300;

	static final int MAX_ACTORS = 50;

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	/** The {@code origin} stored with the events, also the prefix of their ids. */
	abstract String origin();

	/** The dataset's name as explanations and messages write it. */
	abstract String label();

	/** Columns every file of this format must have. */
	abstract List<String> requiredColumns();

	/** The column holding the dataset's own id. */
	abstract String idColumn();

	abstract Mapped map(CsvRow row, GazetteerOpinion gazetteer);

	/** Our id for the dataset's: origin, hyphen, its id in lower case ({@code acled-syr12345}). */
	String id(CsvRow row) {
		String raw = row.required(idColumn(), 100);
		String id = origin() + "-" + raw.toLowerCase(java.util.Locale.ROOT);
		if (!ID.matcher(id).matches()) {
			throw row.problem(idColumn(), "'" + raw + "' must be letters and digits (hyphens between them)");
		}
		return id;
	}

	static void checkType(CsvRow row, String typeColumn, String type, String subColumn, String subType) {
		List<String> subTypes = EventVocabulary.EVENT_TYPES.get(type);
		if (subTypes == null) {
			throw row.problem(typeColumn, "'" + type + "' is not an ACLED event type; use one of "
					+ EventVocabulary.EVENT_TYPES.keySet());
		}
		if (!subTypes.contains(subType)) {
			throw row.problem(subColumn, "'" + subType + "' is not a sub-event type of " + type + "; use one of " + subTypes);
		}
	}

	/** Names separated by semicolons, each checked for length, empty ones dropped. */
	static List<String> names(CsvRow row, String column, String value) {
		var names = new ArrayList<String>();
		if (value == null) {
			return names;
		}
		for (String part : value.split(";")) {
			String name = part.strip();
			if (name.isEmpty()) {
				continue;
			}
			if (name.length() > MAX_ACTOR) {
				throw row.problem(column, "a name of " + name.length() + " characters; at most " + MAX_ACTOR + " are kept");
			}
			names.add(name);
		}
		if (names.size() > MAX_ACTORS) {
			throw row.problem(column, names.size() + " names; at most " + MAX_ACTORS + " are kept");
		}
		return names;
	}

	/**
	 * The file's point, with the gazetteer's opinion of the place name beside it: the gazetteer's place id
	 * when the two agree within the precision, the place among the alternatives when they do not.
	 */
	Placed place(String placeName, String country, double lon, double lat, int precision, String precisionNote,
			GazetteerOpinion gazetteer) {
		String explanation = label() + "'s coordinates (" + precisionNote + ")";
		String placeId = null;
		List<String> alternatives = List.of();
		boolean disagrees = false;
		Optional<GazetteerOpinion.Opinion> opinion = placeName == null ? Optional.empty()
				: gazetteer.of(placeName, country, lon, lat, precision);
		if (opinion.isPresent()) {
			var o = opinion.get();
			explanation += "; " + o.explanation(placeName, precision);
			if (o.agrees()) {
				placeId = o.place().id();
			}
			else {
				alternatives = List.of(o.place().id());
				disagrees = true;
			}
		}
		else {
			explanation += ".";
		}
		Point point = WGS84.createPoint(new Coordinate(lon, lat));
		return new Placed(point, new Event.Geocode(placeId, precision, METHOD, 1.0, explanation, alternatives), disagrees);
	}

	record Placed(Point point, Event.Geocode geocode, boolean disagrees) {
	}

}
