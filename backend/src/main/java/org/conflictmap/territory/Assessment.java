package org.conflictmap.territory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A territory assessment: the area a side controls from a day, as a curator drew it, with how sure they
 * are and why. Curated like an event (draft, published, archived; every version kept). The published
 * assessment of a side on or before a day is where that day's territory starts (see
 * {@link TerritoryService}).
 *
 * @param area in WGS 84 (lon, lat), valid, exterior rings counter-clockwise
 * @param validTo the last day it holds, or null: until the side's next assessment
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param sources where it comes from (citations or links)
 * @param evidence ids of events that support it
 */
public record Assessment(String id, String side, LocalDate validFrom, LocalDate validTo, MultiPolygon area,
		String confidence, String note, List<String> sources, List<String> evidence, String status, int version,
		Instant createdAt, Instant updatedAt) {

	public static final List<String> CONFIDENCES = List.of("high", "medium", "low");

	public Assessment {
		sources = List.copyOf(sources);
		evidence = List.copyOf(evidence);
	}

	/** Whether it holds on {@code day}. */
	public boolean holdsOn(LocalDate day) {
		return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
	}

	Assessment withVersion(int newVersion, Instant created, Instant updated) {
		return new Assessment(id, side, validFrom, validTo, area, confidence, note, sources, evidence, status,
				newVersion, created, updated);
	}

	Assessment withId(String newId) {
		return new Assessment(newId, side, validFrom, validTo, area, confidence, note, sources, evidence, status,
				version, createdAt, updatedAt);
	}

	Assessment withStatus(String newStatus) {
		return new Assessment(id, side, validFrom, validTo, area, confidence, note, sources, evidence, newStatus,
				version, createdAt, updatedAt);
	}

	/** As a GeoJSON Feature: what the API answers and the history stores. */
	public Map<String, Object> feature() {
		var p = new LinkedHashMap<String, Object>();
		p.put("side", side);
		p.put("valid_from", validFrom.toString());
		p.put("valid_to", validTo == null ? null : validTo.toString());
		p.put("confidence", confidence);
		p.put("note", note);
		p.put("sources", sources);
		p.put("evidence", evidence);
		p.put("status", status);
		p.put("version", version);
		p.put("created_at", createdAt == null ? null : createdAt.toString());
		p.put("updated_at", updatedAt == null ? null : updatedAt.toString());
		var f = new LinkedHashMap<String, Object>();
		f.put("type", "Feature");
		f.put("id", id);
		f.put("geometry", GeoJson.geometry(area));
		f.put("properties", p);
		return f;
	}

}
