package org.conflictmap.geocode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.Geocoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The geocoder as a service: what a place name resolves to, with the candidates and why the winner won.
 * The seed importer (and later the curator's editor) use the same geocoder.
 */
@RestController
class GeocodeController {

	static final int MAX_QUERY_LENGTH = 300;

	static final int MAX_ALTERNATIVES = 10;

	private final Geocoder geocoder;

	GeocodeController(Geocoder geocoder) {
		this.geocoder = geocoder;
	}

	@GetMapping("/api/geocode")
	Map<String, Object> geocode(HttpServletRequest request) {
		Map<String, String[]> params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("q", "country"));
		String q = Parameters.single(params, "q");
		if (q == null) {
			throw new BadRequestException("q", "q is required: the place as a report writes it, e.g. q=north of Hama");
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw new BadRequestException("q", "q is " + q.length() + " characters long; at most " + MAX_QUERY_LENGTH);
		}
		String country = Parameters.single(params, "country");
		if (country == null) {
			country = "SY";
		}
		else if (!country.matches("[A-Za-z]{2}")) {
			throw new BadRequestException("country", "country must be an ISO 3166-1 alpha-2 code like SY, not '" + country + "'");
		}
		GeocodeResult result = geocoder.geocode(q, new GeocodeContext(country.toUpperCase(Locale.ROOT)));
		var body = new LinkedHashMap<String, Object>();
		body.put("query", q);
		body.put("result", result.isResolved() ? CandidateJson.resolution(result.resolution()) : null);
		body.put("explanation", result.explanation());
		String winner = result.isResolved() && result.resolution().place() != null ? result.resolution().place().id() : null;
		body.put("alternatives", result.candidates()
			.stream()
			.filter(c -> !c.place().id().equals(winner))
			.limit(MAX_ALTERNATIVES)
			.map(c -> CandidateJson.of(c.place(), c.score()))
			.toList());
		return body;
	}

}
