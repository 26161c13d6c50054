package org.conflictmap.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.NotFoundException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.territory.TerritoryService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of what a user filtered: the same parameters and the same {@link EventQuery} as
 * {@code /api/events}, so an export can never ignore a filter. Without {@code limit} an export holds
 * everything that matches. Streamed: rows go out as the database hands them over.
 */
@RestController
class ExportController {

	private final EventRepository events;

	private final TerritoryService frontlines;

	ExportController(EventRepository events, TerritoryService frontlines) {
		this.events = events;
		this.frontlines = frontlines;
	}

	@GetMapping("/api/export/events.{extension}")
	void events(@PathVariable String extension, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ExportFormat format = ExportFormat.of(extension);
		var params = new HashMap<>(request.getParameterMap());
		// a GeoPackage may carry the territory of one day as a second layer
		TerritoryService.Published territory = format == ExportFormat.GPKG && params.containsKey("frontlines")
				? frontlines.on(day(params.remove("frontlines"), "frontlines")) : null;
		EventQuery query = EventQuery.fromParameters(params, Integer.MAX_VALUE, Integer.MAX_VALUE);
		Consumer<Consumer<Event>> source = sink -> events.forEach(query, sink);
		String name = fileName(query, format);
		response.setContentType(format.mediaType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		switch (format) {
			case GEOJSON -> EventJson.writeCollection(response.getOutputStream(), events.count(query), source);
			case CSV -> EventCsv.write(response.getOutputStream(), source);
			case KML -> EventKml.write(response.getOutputStream(), name, source);
			case GPKG -> sendGeoPackage(file -> EventGeoPackage.write(file, source, territory), response);
		}
	}

	/** The territory of one day: {@code frontlines.geojson} (as {@code /api/frontlines}) or {@code .gpkg}. */
	@GetMapping("/api/export/frontlines.{extension}")
	void frontlines(@PathVariable String extension, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ExportFormat format = ExportFormat.of(extension);
		if (format != ExportFormat.GEOJSON && format != ExportFormat.GPKG) {
			throw new NotFoundException("frontlines export as frontlines.geojson or frontlines.gpkg, not ." + extension);
		}
		Parameters.requireOnly(request.getParameterMap(), Set.of("date"));
		TerritoryService.Published day = frontlines.on(day(request.getParameterMap().get("date"), "date"));
		String name = "conflict-map-frontlines_" + day.date() + "_exported-" + LocalDate.now(ZoneOffset.UTC) + "." + format.extension;
		response.setContentType(format.mediaType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		if (format == ExportFormat.GEOJSON) {
			response.getOutputStream().write(day.body());
		}
		else {
			sendGeoPackage(file -> TerritoryGeoPackage.write(file, day), response);
		}
	}

	/** What each side gained and lost between two days: {@code frontline-changes.geojson} or {@code .gpkg}. */
	@GetMapping("/api/export/frontline-changes.{extension}")
	void frontlineChanges(@PathVariable String extension, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ExportFormat format = ExportFormat.of(extension);
		if (format != ExportFormat.GEOJSON && format != ExportFormat.GPKG) {
			throw new NotFoundException("frontline changes export as frontline-changes.geojson or frontline-changes.gpkg, not ."
					+ extension);
		}
		Parameters.requireOnly(request.getParameterMap(), Set.of("from", "to"));
		TerritoryService.Movement movement = frontlines.movement(request.getParameterMap());
		String name = "conflict-map-frontline-changes_" + movement.from() + "_to_" + movement.to() + "_exported-"
				+ LocalDate.now(ZoneOffset.UTC) + "." + format.extension;
		response.setContentType(format.mediaType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		if (format == ExportFormat.GEOJSON) {
			EventJson.MAPPER.writeValue(response.getOutputStream(), movement.toGeoJson());
		}
		else {
			sendGeoPackage(file -> TerritoryGeoPackage.write(file, movement), response);
		}
	}

	private static LocalDate day(String[] values, String parameter) {
		if (values == null || values.length != 1 || values[0].isBlank()) {
			throw new BadRequestException(parameter, parameter + " needs one ISO date like 2024-12-05");
		}
		return EventDates.parameter(parameter, values[0].strip());
	}

	private static void sendGeoPackage(Consumer<Path> build, HttpServletResponse response) throws IOException {
		Path file = EventGeoPackage.temporaryFile();
		try {
			build.accept(file);
			response.setContentLengthLong(Files.size(file));
			try (OutputStream out = response.getOutputStream()) {
				Files.copy(file, out);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** "conflict-map-events_2024-12-01_to_2024-12-05_bbox-36.6,35,36.9,35.3_exported-2026-11-25.csv". */
	static String fileName(EventQuery q, ExportFormat format) {
		var parts = new ArrayList<String>();
		parts.add("conflict-map-events");
		if (q.from() != null || q.to() != null) {
			parts.add((q.from() == null ? "start" : q.from().toString()) + "_to_" + (q.to() == null ? "now" : q.to().toString()));
		}
		if (q.bbox() != null) {
			parts.add(String.format(Locale.ROOT, "bbox-%s,%s,%s,%s", trim(q.bbox().getMinX()), trim(q.bbox().getMinY()),
					trim(q.bbox().getMaxX() > 180 ? q.bbox().getMaxX() - 360 : q.bbox().getMaxX()), trim(q.bbox().getMaxY())));
		}
		if (q.offset() > 0 || q.limit() < Integer.MAX_VALUE) {
			parts.add("offset-" + q.offset() + (q.limit() < Integer.MAX_VALUE ? "_limit-" + q.limit() : ""));
		}
		parts.add("exported-" + LocalDate.now(ZoneOffset.UTC));
		return String.join("_", parts) + "." + format.extension;
	}

	private static String trim(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

}
