package org.conflictmap.gazetteer.text;

import java.util.Set;

/**
 * English words a report capitalises at the start of a sentence or in a title, some of which are also
 * towns somewhere in the region ("Of", "Side", "Hit", "Salt", "Ana"). A single capitalised word on this
 * list is never read as a place.
 */
final class CommonWords {

	private static final Set<String> WORDS = Set.of(("a about above according across after afterwards again against "
			+ "ago all along already also although among an and another any anyone are around as at away back be "
			+ "because been before behind being below beside besides between beyond both but by can could day days "
			+ "despite did do does down during each earlier early either else even ever every few first following "
			+ "for former from further had has have he her here hers him his how however if in including inside "
			+ "instead into is it its just last late later latest least less like many may meanwhile might more "
			+ "most much must near neither never new next no none nor not now of off on once one only or other "
			+ "others our out outside over own per perhaps rather same several she should since so some still such "
			+ "than that the their them then there these they this those though through throughout thus to today "
			+ "together too toward towards under unless until up upon us very via was we were what whatever when "
			+ "where whether which while who whom whose why will with within without would yet you "
			+ "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
			+ "august september october november december "
			+ "side hit salt ana bay sur van mine mines bar bath car deal kale lines post tower base camp gate "
			+ "state states government army forces force rebels rebel fighters fighter troops militia militias "
			+ "president minister ministry commander leader leaders spokesman officials official sources source "
			+ "residents people civilians witnesses monitor observatory police security media news report reports "
			+ "reuters agency group groups council coalition alliance front brigade brigades division regiment "
			+ "party movement command general colonel captain sheikh imam mr mrs dr north south east west central "
			+ "northern southern eastern western city town village province region area border airport highway "
			+ "road bridge dam river hill hills mountain mountains valley plain square citadel castle old great "
			+ "greater upper lower big small heavy strategic key major main top two three four five six seven eight "
			+ "nine ten hundreds thousands dozens airstrikes airstrike strikes strike shelling clashes fighting "
			+ "battle attack attacks offensive ceasefire truce talks aid health hospital school war civil peace "
			+ "islamic free national democratic syrian united human rights watch amnesty").split(" "));

	private CommonWords() {
	}

	static boolean contains(String lowerWord) {
		return WORDS.contains(lowerWord);
	}

}
