package org.conflictmap.event;

import java.time.Instant;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One write to one event, as the changes feed and the history list it.
 *
 * @param change {@link #CREATED}, {@link #UPDATED}, {@link #ARCHIVED} or {@link #RESTORED}
 * @param status the curation status the write left the event in
 * @param restoredFrom the version a restore brought back, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventChange(String id, int version, String change, String status, Instant at, String by,
		Integer restoredFrom) {

	public static final String CREATED = "created";

	public static final String UPDATED = "updated";

	public static final String ARCHIVED = "archived";

	public static final String RESTORED = "restored";

	/**
	 * What a write from {@code before} to {@code after} (curation statuses) was: archiving, restoring
	 * (out of the archive, or an earlier version brought back), or an update.
	 */
	static String kind(String before, String after, boolean restoresVersion) {
		boolean wasArchived = ARCHIVED.equals(before);
		boolean isArchived = ARCHIVED.equals(after);
		if (isArchived && !wasArchived) {
			return ARCHIVED;
		}
		if (restoresVersion || (wasArchived && !isArchived)) {
			return RESTORED;
		}
		return UPDATED;
	}

}
