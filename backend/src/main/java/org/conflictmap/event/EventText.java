package org.conflictmap.event;

/**
 * Characters that text fields may hold. Control characters (other than tab and line breaks),
 * U+FFFE/U+FFFF and unpaired surrogates are never part of a report; XML 1.0 cannot carry them at all,
 * so they are refused on every way in, and XML writers replace any that got in before that rule.
 */
public final class EventText {

	private EventText() {
	}

	/**
	 * Null when {@code text} is fine, else what is wrong with it and where
	 * ("holds the control character U+0001 at character 12; remove it").
	 */
	public static String unsafe(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
				continue;
			}
			String what = isControl(c) ? "the control character"
					: Character.isSurrogate(c) ? "half of a surrogate pair" : c >= 0xFFFE ? "the non-character" : null;
			if (what != null) {
				return "holds " + what + " U+" + String.format("%04X", (int) c) + " at character " + (i + 1)
						+ "; remove it";
			}
		}
		return null;
	}

	/** {@code text} with every character {@link #unsafe} refuses replaced by U+FFFD, for XML 1.0 writers. */
	public static String xmlSafe(String text) {
		if (text == null || unsafe(text) == null) {
			return text;
		}
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else {
				out.append(isControl(c) || Character.isSurrogate(c) || c >= 0xFFFE ? '\uFFFD' : c);
			}
		}
		return out.toString();
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
	}

}
