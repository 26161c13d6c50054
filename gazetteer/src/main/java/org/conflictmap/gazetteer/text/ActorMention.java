package org.conflictmap.gazetteer.text;

/**
 * A known actor named in running text.
 *
 * @param text the words as written ("HTS", "the Syrian army", "rebels")
 * @param start offset of the first character
 * @param end offset just after the last
 * @param actor the actor's name as the store writes it ("Hayat Tahrir al-Sham (HTS)")
 * @param side the side it belongs to (an id from seeds/sides.yaml), or null
 */
public record ActorMention(String text, int start, int end, String actor, String side) {
}
