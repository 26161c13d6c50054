package org.conflictmap.gazetteer.text;

import org.conflictmap.gazetteer.GeocodeResult;

/**
 * A place named in running text.
 *
 * @param text the words as written, relation included ("north of Hama", "Idlib province")
 * @param start offset of the first character
 * @param end offset just after the last
 * @param role {@link #EVENT}: where something may have happened; {@link #DATELINE}: where the report was filed
 * @param name the bare place name the phrase hangs on ("Hama")
 * @param result the geocoder's answer for the phrase (unresolved, with candidates, when it declines)
 */
public record PlaceMention(String text, int start, int end, String role, String name, GeocodeResult result) {

	public static final String EVENT = "event";

	public static final String DATELINE = "dateline";

	public boolean resolved() {
		return result.isResolved();
	}

}
