package org.conflictmap.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictmap.event.Event;

/**
 * Events as CSV in ACLED's column names and order where ACLED has the field, then our own columns.
 * UTF-8, RFC 4180 quoting, one row per event. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @) get a leading apostrophe.
 */
public final class EventCsv {

	/** ACLED's published columns, in its order. */
	public static final List<String> ACLED_COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
			"disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
			"interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
			"latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
			"timestamp");

	/** What ACLED has no column for. */
	static final List<String> OWN_COLUMNS = List.of("date_end", "title", "associated_actors", "claims", "claim_status",
			"place_id", "geocode_method", "geocode_score", "control_change", "sources_detail", "status", "version");

	private EventCsv() {
	}

	static void write(OutputStream out, Consumer<Consumer<Event>> source) {
		var header = new ArrayList<String>(ACLED_COLUMNS);
		header.addAll(OWN_COLUMNS);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try (var csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			source.accept(e -> {
				try {
					csv.printRecord(row(e));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Object> row(Event e) {
		Countries.Country country = Countries.of(e.country());
		List<String> sideA = e.actors().sideA();
		List<String> sideB = e.actors().sideB();
		var r = new ArrayList<Object>(ACLED_COLUMNS.size() + OWN_COLUMNS.size());
		r.add(text(e.id()));
		r.add(e.dateStart().toString());
		r.add(e.dateStart().getYear());
		r.add(e.timePrecision());
		r.add(disorderType(e.eventType()));
		r.add(text(e.eventType()));
		r.add(text(e.subEventType()));
		r.add(text(sideA.isEmpty() ? "" : sideA.get(0)));
		r.add(text(join(sideA.stream().skip(1))));
		r.add(text(sideB.isEmpty() ? "" : sideB.get(0)));
		r.add(text(join(sideB.stream().skip(1))));
		r.add("");
		r.add("Violence against civilians".equals(e.eventType()) ? "Civilian targeting" : "");
		r.add(country.isoNumeric() == 0 ? "" : country.isoNumeric());
		r.add(country.region());
		r.add(text(country.name()));
		r.add(text(e.admin1()));
		r.add("");
		r.add("");
		r.add(text(e.placeText()));
		r.add(e.geom().getY());
		r.add(e.geom().getX());
		r.add(e.geocode().geoPrecision());
		r.add(text(join(e.sources().stream().map(Event.Source::publisher).distinct())));
		r.add("");
		r.add(text(e.summary()));
		r.add(e.fatalities() == null ? "" : e.fatalities());
		r.add("");
		r.add(e.updatedAt().getEpochSecond());
		r.add(e.dateEnd().toString());
		r.add(text(e.title()));
		r.add(text(join(e.actors().associated().stream())));
		r.add(text(e.claims().stream().map(c -> c.by() + ": " + c.statement() + " [" + c.status() + "]")
			.collect(Collectors.joining(" | "))));
		r.add(e.claimStatus());
		r.add(text(e.geocode().placeId()));
		r.add(e.geocode().method());
		r.add(e.geocode().score());
		r.add(e.controlChange() == null ? "" : e.controlChange().side() + " " + e.controlChange().change());
		r.add(text(e.sources().stream()
			.map(s -> Stream.of(s.publisher(), String.valueOf(s.published()), s.dateline(), s.url())
				.filter(v -> v != null && !v.isBlank() && !"null".equals(v))
				.collect(Collectors.joining(", ")))
			.collect(Collectors.joining(" | "))));
		r.add(e.status());
		r.add(e.version());
		return r;
	}

	/** ACLED's disorder type follows from the event type. */
	static String disorderType(String eventType) {
		return switch (eventType) {
			case "Protests", "Riots" -> "Demonstrations";
			case "Strategic developments" -> "Strategic developments";
			default -> "Political violence";
		};
	}

	private static String join(Stream<String> values) {
		return values.collect(Collectors.joining("; "));
	}

	/** Neutralises spreadsheet formulas in free text (OWASP CSV injection). */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
