package org.conflictmap.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Point;

/**
 * One conflict event as curated: what happened, who, when, where (as written and as geocoded), who
 * claims what, and where it was reported. Field names follow ACLED where ACLED has the field.
 *
 * @param fatalities null when the sources give no figure: unknown is not zero
 * @param controlChange null when the event changed no one's control of the place
 */
public record Event(String id, String title, String summary, String eventType, String subEventType, Actors actors,
		LocalDate dateStart, LocalDate dateEnd, int timePrecision, String placeText, Geocode geocode, String country,
		String admin1, Point geom, Integer fatalities, List<Claim> claims, List<Source> sources,
		ControlChange controlChange, String status, int version, Instant createdAt, Instant updatedAt) {

	public Event {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(geom, "geom");
		claims = List.copyOf(claims);
		sources = List.copyOf(sources);
	}

	/** Days from the event's first to its last (0 for a one-day event). */
	public int spanDays() {
		return (int) (dateEnd.toEpochDay() - dateStart.toEpochDay());
	}

	/** The same event at another version, with the given timestamps. */
	public Event withVersion(int newVersion, Instant created, Instant updated) {
		return new Event(id, title, summary, eventType, subEventType, actors, dateStart, dateEnd, timePrecision,
				placeText, geocode, country, admin1, geom, fatalities, claims, sources, controlChange, status, newVersion,
				created, updated);
	}

	/** The same event in another curation status (draft, published, archived). */
	public Event withStatus(String newStatus) {
		return new Event(id, title, summary, eventType, subEventType, actors, dateStart, dateEnd, timePrecision,
				placeText, geocode, country, admin1, geom, fatalities, claims, sources, controlChange, newStatus, version,
				createdAt, updatedAt);
	}

	/**
	 * How settled the event's claims are, as one word: {@code denied} when anyone denies it, else
	 * {@code contested} when a claim is disputed, else {@code reported} while any claim is only reported,
	 * else {@code confirmed}; {@code unclaimed} when no claim is recorded. The map styles by it and
	 * {@code claim_status=} filters on it.
	 */
	public String claimStatus() {
		return EventFilters.claimStatus(claims);
	}

	/**
	 * The parties: side A acts, side B is acted upon or fights back, associated actors took part on
	 * either side without leading it.
	 */
	public record Actors(List<String> sideA, List<String> sideB, List<String> associated) {

		public Actors {
			sideA = List.copyOf(sideA);
			sideB = List.copyOf(sideB);
			associated = List.copyOf(associated);
		}

	}

	/** Who says what about the event, and how far that is borne out. */
	public record Claim(String by, String statement, String status) {
	}

	/** Where the event was reported. {@code url} may be null when the report is not online. */
	public record Source(String publisher, LocalDate published, String dateline, String url) {
	}

	/** A side (an id from seeds/sides.yaml) that gained or lost control of the event's place. */
	public record ControlChange(String side, String change) {
	}

	/**
	 * How {@code place_text} became a point: the gazetteer record, how sure, by which method, and the
	 * other records considered.
	 *
	 * @param placeId gazetteer id ({@code gn:170017}), or null for coordinates pinned by hand
	 * @param geoPrecision 1 exact, 2 near or part of, 3 region
	 * @param alternatives the runners-up, as {@code id} strings, best first
	 */
	public record Geocode(String placeId, int geoPrecision, String method, double score, String explanation,
			List<String> alternatives) {

		public Geocode {
			alternatives = List.copyOf(alternatives);
		}

	}

}
