package org.conflictmap.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.errors.BadRequestException;
import org.conflictmap.web.EntityTags;

/**
 * An event's entity tag is its version: {@code "3"}. A write sends it back in {@code If-Match}, so a
 * change made to an older version is refused instead of silently overwriting someone else's.
 */
public final class EventTags {

	private static final Pattern STRONG = Pattern.compile("\"(\\d{1,9})\"");

	private EventTags() {
	}

	public static String of(Event event) {
		return "\"" + event.version() + "\"";
	}

	/**
	 * The version an {@code If-Match} header names; null for {@code *} (any version).
	 * @throws BadRequestException when the header is not an entity tag this service gave out
	 */
	public static Integer expectedVersion(String ifMatch) {
		String value = ifMatch.strip();
		if ("*".equals(value)) {
			return null;
		}
		Matcher m = STRONG.matcher(value);
		if (!m.matches()) {
			throw new BadRequestException("If-Match", "If-Match must be the ETag of the version you edited, like \"3\" "
					+ "(with the quotes), or * for any version; not " + value);
		}
		return Integer.valueOf(m.group(1));
	}

	/** Whether an {@code If-None-Match} header already holds the event's current tag. */
	public static boolean matches(String ifNoneMatch, Event event) {
		return EntityTags.noneMatchHits(ifNoneMatch, of(event));
	}

}
