package org.conflictmap.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A word that says something happened, and the ACLED event type and sub-type it usually means. Reads the
 * words as written; the curator corrects the type where the report says more than the verb.
 *
 * @param pattern the words
 * @param eventType ACLED event type
 * @param subEventType ACLED sub-event type
 */
record Cue(Pattern pattern, String eventType, String subEventType) {

	static final String BATTLES = "Battles";

	static final String REMOTE = "Explosions/Remote violence";

	static final String STRATEGIC = "Strategic developments";

	static final String OVERTAKES = "Non-state actor overtakes territory";

	static final String REGAINS = "Government regains territory";

	/** In order: where two cues cover the same words, the first listed wins. */
	static final List<Cue> ALL = List.of(
			cue("(?:captur(?:e|ed|es|ing)|took\\s+(?:full\\s+)?control|tak(?:e|es|en|ing)\\s+(?:full\\s+)?control|seiz(?:e|ed|es|ing)|overr(?:an|un|unning)|storm(?:ed|ing)|"
					+ "fell\\s+to|took|taken|recaptur(?:e|ed|ing)|retook|regain(?:ed|ing))", BATTLES, OVERTAKES),
			cue("(?:enter(?:ed|ing|s)?|reach(?:ed|ing)|infiltrat(?:e|ed|ing)|(?:advanc|mov)(?:e|ed|es|ing)\\s+into|slip(?:ped|ping)?\\s+into|push(?:ed|ing)?\\s+into)", BATTLES, OVERTAKES),
			cue("(?:clash(?:ed|es|ing)?|fighting|fought|battl(?:e|ed|es|ing)|repel(?:led|ling)?|breach(?:ed|ing)?|"
					+ "push(?:ed|ing)?\\s+(?:toward|towards|on)|advanc(?:e|ed|es|ing)|assault(?:ed|s)?|attack(?:ed|ing|s)?|ambush(?:ed)?)",
					BATTLES, "Armed clash"),
			cue("(?:air\\s*strikes?|air\\s+raids?|warplanes?|jets?\\s+(?:struck|hit|bombed)|bomb(?:ed|ing|ings|arded|ardment)|drone\\s+strikes?)",
					REMOTE, "Air/drone strike"),
			cue("(?:shell(?:ed|ing)|artillery|rockets?|missiles?|mortars?)", REMOTE, "Shelling/artillery/missile attack"),
			cue("(?:car\\s+bomb|explo(?:ded|sion|sions)|IEDs?|landmines?)", REMOTE, "Remote explosive/landmine/IED"),
			cue("(?:withdr(?:ew|awn|awal|awing)|retreat(?:ed|ing)?|pull(?:ed|ing)\\s+out|handed\\s+over)", STRATEGIC,
					"Non-violent transfer of territory"),
			cue("(?:cross(?:ed|ing)|sen(?:t|ding)\\s+(?:\\w+\\s+){0,2}(?:fighters|troops|reinforcements)|reinforc(?:ed|ing)|deploy(?:ed|ing)|arriv(?:ed|ing))",
					STRATEGIC, "Change to group/activity"),
			cue("(?:arrest(?:ed|s)?|detain(?:ed)?)", STRATEGIC, "Arrests"),
			cue("(?:ceasefire|truce|agreement|deal)", STRATEGIC, "Agreement"),
			cue("(?:protest(?:ed|ers|s)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied)|celebrat(?:ed|ing|ions))", "Protests",
					"Peaceful protest"),
			cue("(?:execut(?:ed|ions?)|massacre(?:d)?)", "Violence against civilians", "Attack"),
			cue("(?:visit(?:ed|s)?|tour(?:ed)?|shortages?|consolidat(?:e|ed|ing)\\s+control|administration|set\\s+up|establish(?:ed)?)",
					STRATEGIC, "Other"));

	private static Cue cue(String regex, String type, String subType) {
		return new Cue(Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE), type, subType);
	}

}
