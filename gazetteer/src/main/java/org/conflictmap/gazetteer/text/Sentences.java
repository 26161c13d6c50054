package org.conflictmap.gazetteer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits running text into sentences: at a full stop, question or exclamation mark followed by a space and
 * a capital (or a quote), and at every line break; not after the abbreviations news writing uses ("Dec.",
 * "Mr.", "U.S.", "km.").
 */
public final class Sentences {

	/** A sentence as character offsets into the text. */
	public record Span(int start, int end) {

		public boolean contains(int offset) {
			return offset >= start && offset < end;
		}

	}

	private static final Pattern END = Pattern.compile("[.!?]['\"’”)]*\\s+(?=[\\p{Lu}\"'“‘(\\d])|\\n+");

	private static final Pattern ABBREVIATION = Pattern.compile(
			"(?:\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|St|No|km|approx|vs|e\\.g|i\\.e)|\\b\\p{Lu}(?:\\.\\p{Lu})*)\\.$");

	private Sentences() {
	}

	public static List<Span> of(String text) {
		var spans = new ArrayList<Span>();
		int start = 0;
		Matcher m = END.matcher(text);
		while (m.find()) {
			if (text.charAt(m.start()) == '.' && ABBREVIATION.matcher(text.substring(Math.max(0, m.start() - 8), m.start() + 1)).find()) {
				continue;
			}
			int end = text.charAt(m.start()) == '\n' ? m.start() : m.start() + 1;
			add(spans, text, start, end);
			start = m.end();
		}
		add(spans, text, start, text.length());
		return spans;
	}

	private static void add(List<Span> spans, String text, int start, int end) {
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (end > start) {
			spans.add(new Span(start, end));
		}
	}

}
