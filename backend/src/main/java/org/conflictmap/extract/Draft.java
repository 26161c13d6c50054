package org.conflictmap.extract;

import java.time.LocalDate;
import java.util.List;

import org.conflictmap.gazetteer.text.PlaceMention;

/**
 * An event the assistant proposes from one clause of a report: never saved by it; the curator turns it into
 * the editor's form and saves it as a draft.
 *
 * @param title a plain title ("Armed clash: Hama")
 * @param eventType ACLED event type, from the verb
 * @param subEventType ACLED sub-event type, from the verb
 * @param cue the words that say what happened, with their offsets
 * @param placeText the place as the report writes it (an antecedent put in for "the city")
 * @param place the mention it comes from
 * @param dateStart first day
 * @param dateEnd last day
 * @param timePrecision 1 day, 2 week, 3 month
 * @param dateText the date expression, or null when the clause has none (then: the week before publication)
 * @param sideA actors before the verb
 * @param sideB actors after it
 * @param claim the sentence, as the report's claim
 * @param sentenceStart offset of the sentence
 * @param sentenceEnd offset just after it
 */
public record Draft(String title, String eventType, String subEventType, Span cue, String placeText, PlaceMention place,
		LocalDate dateStart, LocalDate dateEnd, int timePrecision, String dateText, List<String> sideA, List<String> sideB,
		String claim, int sentenceStart, int sentenceEnd) {

	/** Words of the text by offsets. */
	public record Span(String text, int start, int end) {
	}

}
