package org.conflictmap.errors;

import java.util.Map;
import java.util.Set;

/**
 * Checks on HTTP query parameters that every endpoint shares: only known names, each at most once. A
 * misspelt filter is refused rather than ignored, so it can never silently return everything.
 */
public final class Parameters {

	private Parameters() {
	}

	/** @throws BadRequestException naming the first unknown or repeated parameter */
	public static void requireOnly(Map<String, String[]> params, Set<String> allowed) {
		requireOnly(params, allowed, Set.of());
	}

	/**
	 * The same, where the parameters in {@code repeatable} may be given more than once.
	 * @throws BadRequestException naming the first unknown parameter, or repeated one not in {@code repeatable}
	 */
	public static void requireOnly(Map<String, String[]> params, Set<String> allowed, Set<String> repeatable) {
		for (var entry : params.entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				throw new BadRequestException(entry.getKey(), "unknown parameter '" + entry.getKey() + "'; "
						+ (allowed.isEmpty() ? "this endpoint takes none"
								: "this endpoint takes " + String.join(", ", allowed.stream().sorted().toList())));
			}
			if (entry.getValue().length > 1 && !repeatable.contains(entry.getKey())) {
				throw new BadRequestException(entry.getKey(),
						entry.getKey() + " is given " + entry.getValue().length + " times; give it once");
			}
		}
	}

	/** The parameter's value, stripped, or null when absent or blank. */
	public static String single(Map<String, String[]> params, String name) {
		String[] values = params.get(name);
		return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
	}

}
