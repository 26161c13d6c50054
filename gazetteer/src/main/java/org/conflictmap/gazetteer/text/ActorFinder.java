package org.conflictmap.gazetteer.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds known actors by name or alias, longest first, on word boundaries. An alias written in capitals
 * ("HTS", "SDF") must be written so; any other is matched in any case ("Rebels", "the Syrian army").
 */
public final class ActorFinder {

	/**
	 * An actor the reader knows.
	 *
	 * @param name how the store names it
	 * @param side the side it belongs to, or null
	 * @param aliases other ways a report writes it (the name itself is always one)
	 */
	public record Known(String name, String side, List<String> aliases) {

		public Known {
			aliases = List.copyOf(aliases);
		}

	}

	private record Alias(String text, Known actor, Pattern pattern) {
	}

	private final List<Alias> aliases = new ArrayList<>();

	public ActorFinder(List<Known> known) {
		for (Known k : known) {
			var all = new ArrayList<String>();
			all.add(k.name());
			all.addAll(k.aliases());
			for (String a : all) {
				String alias = a.strip();
				if (alias.length() < 2) {
					continue;
				}
				boolean capitals = alias.equals(alias.toUpperCase(java.util.Locale.ROOT));
				String regex = "(?<![\\p{L}\\p{N}])" + Pattern.quote(alias).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])";
				aliases.add(new Alias(alias, k, Pattern.compile(regex, capitals ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
			}
		}
		aliases.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed());
	}

	/** Every actor mention in text order; where two aliases overlap, the longer wins. */
	public List<ActorMention> find(String text) {
		var found = new ArrayList<ActorMention>();
		for (Alias a : aliases) {
			Matcher m = a.pattern().matcher(text);
			while (m.find()) {
				int s = m.start();
				int e = m.end();
				if (found.stream().noneMatch(f -> f.start() < e && s < f.end())) {
					found.add(new ActorMention(m.group(), s, e, a.actor().name(), a.actor().side()));
				}
			}
		}
		found.sort(Comparator.comparingInt(ActorMention::start));
		return found;
	}

}
