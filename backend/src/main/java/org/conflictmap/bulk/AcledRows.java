package org.conflictmap.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.conflictmap.event.Event;

/**
 * ACLED's published CSV columns (as ACLED's export tool and our own {@code /api/export/csv} write them).
 * Kept: ACLED's id (as {@code acled-syr12345}), date and time precision, types, actors (actor1 and its
 * associated actors as side A, actor2 and its associated actors as side B, the way our CSV export writes
 * them), country, admin1, location, coordinates and geo precision, notes, fatalities, and each source
 * named in {@code source}. ACLED's interaction, tags, source_scale and timestamp have no place in the model.
 */
final class AcledRows extends RowFormat {

	@Override
	String origin() {
		return "acled";
	}

	@Override
	String label() {
		return "ACLED";
	}

	@Override
	List<String> requiredColumns() {
		return List.of("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "latitude",
				"longitude", "geo_precision");
	}

	@Override
	String idColumn() {
		return "event_id_cnty";
	}

	@Override
	Mapped map(CsvRow row, GazetteerOpinion gazetteer) {
		String id = id(row);
		LocalDate date = row.date("event_date");
		Integer timePrecision = row.optionalInteger("time_precision", 1, 3);
		String type = row.required("event_type", 100);
		String subType = row.required("sub_event_type", 100);
		checkType(row, "event_type", type, "sub_event_type", subType);
		List<String> sideA = new ArrayList<>(names(row, "actor1", row.required("actor1", MAX_ACTOR)));
		sideA.addAll(names(row, "assoc_actor_1", row.optional("assoc_actor_1", 20_000)));
		List<String> sideB = new ArrayList<>(names(row, "actor2", row.optional("actor2", MAX_ACTOR)));
		sideB.addAll(names(row, "assoc_actor_2", row.optional("assoc_actor_2", 20_000)));
		String country = country(row);
		String admin1 = row.optional("admin1", 100);
		String location = row.optional("location", 500);
		double lat = row.decimal("latitude", -90, 90);
		double lon = row.decimal("longitude", -180, 180);
		int precision = row.integer("geo_precision", 1, 3);
		Integer fatalities = row.optionalInteger("fatalities", 0, 10_000_000);
		String notes = row.optional("notes", 20_000);
		List<Event.Source> sources = names(row, "source", row.optional("source", 20_000)).stream()
			.map(name -> new Event.Source(name, null, null, null))
			.toList();
		String placeText = location != null ? location : admin1 != null ? admin1 : row.optional("country", 100);
		if (placeText == null) {
			throw row.problem("location", "is empty, and so are admin1 and country: name the place");
		}
		Placed placed = place(location, country, lon, lat, precision, "geo_precision " + precision, gazetteer);
		String title = subType + " in " + placeText;
		var event = new Event(id, title.length() > 500 ? title.substring(0, 500) : title, notes == null ? "" : notes,
				type, subType, new Event.Actors(sideA, sideB, List.of()), date, date,
				timePrecision == null ? 1 : timePrecision, placeText, placed.geocode(), country, admin1,
				placed.point(), fatalities, List.of(), sources, null, "published", 0, null, null);
		return new Mapped(event, placed.disagrees());
	}

	private static String country(CsvRow row) {
		Integer iso = row.optionalInteger("iso", 0, 999);
		String code = iso == null ? null : CountryNames.byNumeric(iso);
		return code != null ? code : CountryNames.byName(row.optional("country", 100));
	}

}
