package org.conflictmap.extract;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.BodyTooLargeException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventJson;
import org.conflictmap.gazetteer.GeoMath;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.Geocoder;
import org.conflictmap.gazetteer.text.PlaceMention;
import org.conflictmap.geocode.CandidateJson;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/curator/extract} (curators only): a report's text and publication day in; its places,
 * dates, known actors and proposed events out, with character offsets into the text. Stores nothing: a
 * proposal becomes an event only when a curator saves it.
 */
@RestController
class ExtractController {

	/** A long report is some 20,000 characters; this leaves room and keeps one request cheap. */
	static final int MAX_TEXT = 60_000;

	static final int MAX_BODY_BYTES = 4 * MAX_TEXT + 4_096;

	private static final Set<String> FIELDS = Set.of("text", "published", "dateline", "publisher", "url");

	private final ArticleReader reader;

	private final Geocoder geocoder;

	ExtractController(ArticleReader reader, Geocoder geocoder) {
		this.reader = reader;
		this.geocoder = geocoder;
	}

	@PostMapping(path = "/api/curator/extract", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> extract(HttpServletRequest request) throws IOException {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		JsonNode body = body(request);
		for (String name : body.propertyNames()) {
			if (!FIELDS.contains(name)) {
				throw new BadRequestException(name, "unknown field '" + name + "'; the body takes " + FIELDS.stream().sorted().toList());
			}
		}
		String text = string(body, "text", MAX_TEXT, true);
		if (text.isBlank()) {
			throw new BadRequestException("text", "text is empty: paste the report's text");
		}
		String publishedText = string(body, "published", 10, true);
		LocalDate published;
		try {
			published = LocalDate.parse(publishedText);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("published", "published must be the report's date as YYYY-MM-DD, not '" + publishedText + "'");
		}
		String outside = EventDates.outside(published);
		if (outside != null) {
			throw new BadRequestException("published", "published " + outside);
		}
		String dateline = string(body, "dateline", 100, false);
		String publisher = string(body, "publisher", 200, false);
		String url = string(body, "url", 2_000, false);
		if (url != null && !url.matches("(?i)https?://\\S+")) {
			throw new BadRequestException("url", "url must be an http(s) address, not '" + url + "'");
		}
		ArticleReader.Reading reading = reader.read(text, published, dateline);
		String datelineName = dateline != null ? dateline
				: reading.places().stream().filter(p -> p.role().equals(PlaceMention.DATELINE)).map(PlaceMention::name).findFirst().orElse(null);
		var source = new LinkedHashMap<String, Object>();
		source.put("publisher", publisher);
		source.put("published", published.toString());
		source.put("dateline", datelineName);
		source.put("url", url);
		var answer = new LinkedHashMap<String, Object>();
		answer.put("published", published.toString());
		answer.put("places", reading.places().stream().map(ExtractController::place).toList());
		answer.put("dates", reading.dates().stream().map(d -> {
			var m = new LinkedHashMap<String, Object>();
			m.put("text", d.text());
			m.put("start", d.start());
			m.put("end", d.end());
			m.put("date_start", d.dateStart().toString());
			m.put("date_end", d.dateEnd().toString());
			m.put("time_precision", d.timePrecision());
			return m;
		}).toList());
		answer.put("actors", reading.actors().stream().map(a -> {
			var m = new LinkedHashMap<String, Object>();
			m.put("text", a.text());
			m.put("start", a.start());
			m.put("end", a.end());
			m.put("actor", a.actor());
			m.put("side", a.side());
			return m;
		}).toList());
		answer.put("drafts", reading.drafts().stream().map(d -> draft(d, source, pin(d))).toList());
		return answer;
	}

	private static Map<String, Object> place(PlaceMention p) {
		var m = new LinkedHashMap<String, Object>();
		m.put("text", p.text());
		m.put("start", p.start());
		m.put("end", p.end());
		m.put("role", p.role());
		m.put("name", p.name());
		GeocodeResult r = p.result();
		m.put("result", r.isResolved() ? CandidateJson.resolution(r.resolution()) : null);
		m.put("explanation", r.explanation());
		String winner = r.isResolved() ? r.resolution().place().id() : null;
		m.put("candidates", r.candidates().stream().filter(c -> !c.place().id().equals(winner)).limit(5)
			.map(c -> CandidateJson.of(c.place(), c.score())).toList());
		return m;
	}

	/**
	 * The pin a saved draft needs to land where the reader put it: none when its place text alone geocodes to
	 * the same point (the usual case), else the gazetteer record ("the border" resolved from the sentence's
	 * "Iraq", "the city" standing for Hama).
	 */
	private Map<String, Object> pin(Draft d) {
		GeocodeResult.Resolution found = d.place().result().resolution();
		GeocodeResult alone = geocoder.geocode(d.placeText(), new GeocodeContext("SY"));
		if (alone.isResolved() && GeoMath.km(alone.resolution().lon(), alone.resolution().lat(), found.lon(), found.lat()) < 0.01) {
			return null;
		}
		var pin = new LinkedHashMap<String, Object>();
		pin.put("gazetteer_id", found.place().id());
		pin.put("geo_precision", found.geoPrecision());
		pin.put("note", "the article reader placed \"" + d.place().text() + "\" here from the sentence");
		return pin;
	}

	private static Map<String, Object> draft(Draft d, Map<String, Object> source, Map<String, Object> pin) {
		var m = new LinkedHashMap<String, Object>();
		m.put("title", d.title());
		m.put("event_type", d.eventType());
		m.put("sub_event_type", d.subEventType());
		m.put("place_text", d.placeText());
		m.put("place", CandidateJson.resolution(d.place().result().resolution()));
		m.put("pin", pin);
		m.put("date_start", d.dateStart().toString());
		m.put("date_end", d.dateEnd().toString());
		m.put("time_precision", d.timePrecision());
		m.put("date_text", d.dateText());
		m.put("actors", Map.of("side_a", d.sideA(), "side_b", d.sideB(), "associated", List.of()));
		m.put("claim", d.claim());
		m.put("source", source);
		m.put("cue", Map.of("text", d.cue().text(), "start", d.cue().start(), "end", d.cue().end()));
		m.put("sentence", Map.of("start", d.sentenceStart(), "end", d.sentenceEnd()));
		return m;
	}

	private static String string(JsonNode body, String name, int max, boolean required) {
		JsonNode v = body.get(name);
		if (v == null || v.isNull()) {
			if (required) {
				throw new BadRequestException(name, name + " is required" + ("text".equals(name) ? ": the report's text"
						: ": the day the report was published, YYYY-MM-DD (weekdays in the text are counted back from it)"));
			}
			return null;
		}
		if (!v.isString()) {
			throw new BadRequestException(name, name + " must be a string");
		}
		String s = v.asString();
		if (s.length() > max) {
			throw new BadRequestException(name, name + " is " + s.length() + " characters long; at most " + max);
		}
		return s.isBlank() && !required ? null : s;
	}

	private static JsonNode body(HttpServletRequest request) throws IOException {
		String json = BodyTooLargeException.readUtf8AtMost(request.getInputStream(), MAX_BODY_BYTES,
				"a report of at most " + MAX_TEXT + " characters",
				() -> new BadRequestException("body", "the body is not valid UTF-8: send JSON encoded as UTF-8"));
		JsonNode node;
		try {
			node = EventJson.MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new BadRequestException("body", "the body is not JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new BadRequestException("body", "the body must be a JSON object: {\"text\": ..., \"published\": \"YYYY-MM-DD\"}");
		}
		return node;
	}

}
