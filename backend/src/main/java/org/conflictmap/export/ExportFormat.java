package org.conflictmap.export;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.conflictmap.errors.NotFoundException;

/** The formats events can be downloaded in, by file extension. */
enum ExportFormat {

	GEOJSON("geojson", "application/geo+json"), CSV("csv", "text/csv;charset=UTF-8"),
	GPKG("gpkg", "application/geopackage+sqlite3"), KML("kml", "application/vnd.google-earth.kml+xml");

	final String extension;

	final String mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	static ExportFormat of(String extension) {
		return Arrays.stream(values())
			.filter(f -> f.extension.equals(extension))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("no export format '" + extension + "'; use one of "
					+ Arrays.stream(values()).map(f -> "events." + f.extension).collect(Collectors.joining(", "))));
	}

}
