package org.conflictmap.web;

/** HTTP entity-tag comparisons (RFC 9110, section 13.1.2), as every conditional read here makes them. */
public final class EntityTags {

	private EntityTags() {
	}

	/**
	 * Whether an {@code If-None-Match} header names {@code etag}: any listed tag equal to it under the weak
	 * comparison (the {@code W/} prefix ignored on either side), or {@code *}. False when the header is absent.
	 */
	public static boolean noneMatchHits(String ifNoneMatch, String etag) {
		return noneMatchAny(ifNoneMatch) || noneMatchNames(ifNoneMatch, etag);
	}

	/** Whether an {@code If-None-Match} header is, or lists, {@code *} (any current representation). */
	public static boolean noneMatchAny(String ifNoneMatch) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			if (candidate.strip().equals("*")) {
				return true;
			}
		}
		return false;
	}

	/** Whether an {@code If-None-Match} header lists {@code etag} itself (weak comparison); {@code *} aside. */
	public static boolean noneMatchNames(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String ours = opaque(etag);
		for (String candidate : ifNoneMatch.split(",")) {
			if (opaque(candidate.strip()).equals(ours)) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
