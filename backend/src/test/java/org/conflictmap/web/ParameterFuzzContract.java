package org.conflictmap.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.conflictmap.support.SqlRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of every public read: requests made of random subsets of each endpoint's
 * parameters, random extra names, and values drawn from valid ones, edge cases and hostile text (SQL,
 * template and expression syntax, control characters, endless strings). For every request: the status
 * is 200, 304, 400, 404 or 412, never a 5xx; a refusal is problem+json saying what is wrong; an unknown
 * parameter is refused; a page is never larger than the advertised maximum; free text never widens an
 * answer. Over the whole run: the hostile text never appears in any SQL the service sent (it went as a
 * bound parameter), nothing ran as code, and the store is as it was.
 *
 * <p>Seeded and repeatable: the seed is in every failure message; {@code -Dfuzz.seed=N} replays a run
 * and {@code -Dfuzz.requests=N} makes it longer. Written with JUnit alone: jqwik's authors ask that
 * their library not be used by AI coding agents (its 1.10 release notes), which wrote this test, and
 * Jazzer's JUnit mode only replays saved inputs unless a native fuzzer runs it, one test per JVM.
 * Run on both stores (their SQL differs): {@link H2GisParameterFuzzTest}, {@link PostgisParameterFuzzTest}.
 */
@Import(SqlRecorder.Config.class)
abstract class ParameterFuzzContract {

	/** In every hostile value: if it ever shows up in SQL text, a value was spliced into a query. */
	private static final String MARK = "fzq";

	private static final Path PWNED = Path.of(System.getProperty("java.io.tmpdir"), "conflictmap-fuzz-pwned");

	private static final Set<Integer> ALLOWED = Set.of(200, 304, 400, 404, 412);

	private static final int EVENTS_MAX_LIMIT = 10_000;

	private static final List<String> HOSTILE = List.of(
			MARK + "' OR '1'='1", MARK + "'; DROP TABLE events; --", MARK + "\") UNION SELECT password_hash FROM curators --",
			MARK + "'||(SELECT pg_sleep(5))||'", MARK + " 1=1) OR (1=1", MARK + "%' AND 1=0 UNION ALL SELECT NULL--",
			"${" + MARK + ":-${7*7}}", "#{7*7}" + MARK, "%{7*7}" + MARK, "{{7*7}}" + MARK, "<%= 7*7 %>" + MARK,
			"exec(java.lang.Runtime.getRuntime(),'touch " + PWNED + "')" + MARK,
			"T(java.lang.Runtime).getRuntime().exec('touch " + PWNED + "')" + MARK,
			"${jndi:ldap://127.0.0.1:1/" + MARK + "}", "<script>alert('" + MARK + "')</script>",
			MARK + "\u0000null", MARK + "\r\nX-Injected: 1", MARK + "\t\u000b\f", "../../../../etc/passwd" + MARK,
			MARK + "حلب", MARK + "🙂", MARK + "\uFFFE", MARK + "a".repeat(5_000), MARK + " ".repeat(300) + "x",
			MARK + "*", MARK + "%", MARK + "_", MARK + "\\", MARK + "'", MARK + "\"");

	private static final List<String> EDGES = List.of("", " ", "0", "-0", "-1", "1", "2147483647", "2147483648",
			"-2147483649", "99999999999999999999999", "1e309", "NaN", "Infinity", "-Infinity", "0x10", "1.5", "1,2",
			"1,2,3", "1,2,3,4,5", "180,90,-180,-90", "-181,-91,181,91", "35,32,42,37", "NaN,NaN,NaN,NaN",
			"1e400,0,0,1", "2024-02-30", "2024-13-01", "0000-01-01", "+99999-01-01", "2024-12-01/2024-11-01",
			"2024-11-27/..", "../2024-12-08", "..", "2024-12-01T00:00:00Z", "1970-01-01T00:00:00Z",
			"2024-12-01T00:00:00+99:00", "true", "null", "[]", "{}");

	@LocalServerPort
	int port;

	private record Endpoint(String path, Map<String, Function<SplittableRandom, String>> parameters, boolean pages) {
	}

	private final List<Endpoint> endpoints = List.of(
			new Endpoint("/api/events", filters(true), true),
			new Endpoint("/api/events/clusters", withZoom(filters(false)), false),
			new Endpoint("/api/stats", filters(false), false),
			new Endpoint("/api/export/events.geojson", filters(true), false),
			new Endpoint("/api/export/events.csv", filters(true), false),
			new Endpoint("/api/export/events.kml", filters(true), false),
			new Endpoint("/api/frontlines", Map.of("date", ParameterFuzzContract::date), false),
			new Endpoint("/api/frontlines/dates", Map.of(), false),
			new Endpoint("/api/export/frontlines.geojson", Map.of("date", ParameterFuzzContract::date), false),
			new Endpoint("/api/frontlines/changes", Map.of("from", ParameterFuzzContract::date, "to", ParameterFuzzContract::date), false),
			new Endpoint("/api/export/frontline-changes.geojson", Map.of("from", ParameterFuzzContract::date, "to",
					ParameterFuzzContract::date), false),
			new Endpoint("/api/geocode", Map.of("q", ParameterFuzzContract::place, "country", r -> pick(r, "SY", "sy", "TR", "SYR", "1")), false),
			new Endpoint("/api/changes", Map.of("since", r -> pick(r, "1970-01-01T00:00:00Z", "2024-12-01T00:00:00Z"),
					"limit", ParameterFuzzContract::number, "after", r -> pick(r, "abc", "2024-12-01T00:00:00Z|x|1")), false),
			new Endpoint("/ogcapi/collections/events/items", Map.of("bbox", ParameterFuzzContract::bbox, "datetime",
					ParameterFuzzContract::datetime, "limit", ParameterFuzzContract::number, "offset", ParameterFuzzContract::number, "f",
					r -> pick(r, "json", "html", "geojson", "xml"), "crs", ParameterFuzzContract::crs, "bbox-crs",
					ParameterFuzzContract::crs, "filter", ParameterFuzzContract::filter), true),
			new Endpoint("/ogcapi/collections/frontlines/items", Map.of("datetime", ParameterFuzzContract::datetime, "limit",
					ParameterFuzzContract::number, "f", r -> pick(r, "json", "html")), false),
			new Endpoint("/ogcapi/collections/events", Map.of("f", r -> pick(r, "json", "html")), false),
			new Endpoint("/ogcapi/collections", Map.of("f", r -> pick(r, "json", "html")), false),
			new Endpoint("/ogcapi", Map.of("f", r -> pick(r, "json", "html")), false),
			new Endpoint("/api/events/{id}", Map.of(), false),
			new Endpoint("/api/events/{id}/history", Map.of(), false),
			new Endpoint("/api/export/events.{id}", filters(false), false),
			new Endpoint("/ogcapi/collections/{id}", Map.of("f", r -> pick(r, "json", "html")), false),
			new Endpoint("/ogcapi/collections/events/items/{id}", Map.of("f", r -> pick(r, "json", "html")), false));

	private static final List<String> REAL_SEGMENTS = List.of("events", "frontlines", "geojson", "csv", "kml",
			"SYR-2024-0001", "seed-aleppo-captured");

	/** A path segment in place of {id}: a real one, an edge case or hostile text, percent-encoded. */
	private static String path(SplittableRandom r, String template) {
		if (!template.contains("{id}")) {
			return template;
		}
		String segment = switch (r.nextInt(4)) {
			case 0 -> REAL_SEGMENTS.get(r.nextInt(REAL_SEGMENTS.size()));
			case 1 -> EDGES.get(r.nextInt(EDGES.size()));
			default -> HOSTILE.get(r.nextInt(HOSTILE.size()));
		};
		return template.replace("{id}", URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	@Test
	void noRequestToAPublicReadIsAServerErrorAndNoValueReachesSqlOrRunsAsCode() throws Exception {
		long seed = Long.getLong("fuzz.seed", 20241127L);
		int requests = Integer.getInteger("fuzz.requests", 1_500);
		var random = new SplittableRandom(seed);
		Files.deleteIfExists(PWNED);
		int storeBefore = HttpJson.send("GET", url("/api/events?limit=1")).json().get("numberMatched").asInt();
		int sqlBefore = SqlRecorder.count();
		var statuses = new java.util.TreeMap<Integer, Integer>();
		String lastTag = "\"none\"";

		for (int i = 0; i < requests; i++) {
			Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
			var sent = new LinkedHashMap<String, String>();
			boolean unknown = false;
			var names = new ArrayList<>(endpoint.parameters().keySet());
			java.util.Collections.sort(names);
			int howMany = names.isEmpty() ? 0 : random.nextInt(Math.min(names.size(), 4) + 1);
			for (int k = 0; k < howMany; k++) {
				String name = names.get(random.nextInt(names.size()));
				sent.put(name, value(random, endpoint.parameters().get(name)));
			}
			if (random.nextInt(10) == 0) {
				String name = pick(random, "limit2", "format", "callback", "bbox-crs", "filter", "cql", "sortby", "Bbox",
						"from ", "q[]", MARK + "' OR 1=1 --");
				if (!endpoint.parameters().containsKey(name)) {
					sent.put(name, value(random, r -> "1"));
					unknown = true;
				}
			}
			String path = path(random, endpoint.path());
			boolean realPath = !endpoint.path().contains("{id}") || REAL_SEGMENTS.stream()
				.anyMatch(segment -> path.equals(endpoint.path().replace("{id}", segment)));
			String target = path + query(sent);
			String context = "seed " + seed + ", request " + i + ": GET " + target;
			// now and then a conditional request: the last tag seen (a 304 when unchanged), or a hostile one
			String ifNoneMatch = random.nextInt(8) != 0 ? null
					: pick(random, lastTag, "*", "\"" + MARK + "\"", "W/\"" + MARK + "', 1=1\"", "garbage" + MARK);
			Exchange answer = ifNoneMatch == null ? HttpJson.send("GET", url(target))
					: HttpJson.send("GET", url(target), "If-None-Match", ifNoneMatch);
			if (answer.header("ETag") != null) {
				lastTag = answer.header("ETag");
			}
			context += ifNoneMatch == null ? "" : " with If-None-Match: " + ifNoneMatch;
			statuses.merge(answer.status(), 1, Integer::sum);

			assertThat(ALLOWED).as(context + " -> " + answer.status() + " " + abbreviate(answer.body()))
				.contains(answer.status());
			if (answer.status() >= 400) {
				assertThat(answer.header("Content-Type")).as(context).startsWith("application/problem+json");
				assertThat(answer.json().get("detail").asString()).as(context).isNotBlank();
			}
			if (unknown && realPath) {
				assertThat(answer.status()).as(context + ": an unknown parameter is refused").isIn(400, 404);
				String detail = answer.json().get("detail").asString();
				if (answer.status() == 400 && !detail.startsWith("the request could not be read")) {
					assertThat(detail).as(context).contains("unknown parameter");
				}
			}
			if (answer.status() == 200 && endpoint.pages() && isJson(answer)) {
				int returned = answer.json().get("numberReturned").asInt();
				assertThat(returned).as(context + ": a page is never larger than the advertised maximum")
					.isLessThanOrEqualTo(EVENTS_MAX_LIMIT);
				for (JsonNode link : answer.json().path("links")) {
					Matcher limit = Pattern.compile("[?&]limit=(\\d+)").matcher(link.path("href").asString());
					if (limit.find()) {
						assertThat(Long.parseLong(limit.group(1))).as(context + ": " + link).isLessThanOrEqualTo(EVENTS_MAX_LIMIT);
					}
				}
			}
			if (answer.status() == 200 && isJson(answer) && answer.json().has("numberMatched")
					&& (hostile(sent.get("q")) || hostile(sent.get("actor")))) {
				assertThat(answer.json().get("numberMatched").asInt())
					.as(context + ": hostile text matches no event; it is never read as a condition")
					.isZero();
			}
		}
		System.out.println("parameter fuzz: seed " + seed + ", " + requests + " requests, statuses " + statuses + ", "
				+ (SqlRecorder.count() - sqlBefore) + " SQL statements sent");

		assertThat(SqlRecorder.containing(MARK)).as("SQL text with a user's value spliced in (seed " + seed + ")").isEmpty();
		assertThat(SqlRecorder.count()).as("the SQL recorder saw the service's queries").isGreaterThan(sqlBefore);
		assertThat(PWNED).as("an expression in a parameter ran as code").doesNotExist();
		assertThat(HttpJson.send("GET", url("/api/events?limit=1")).json().get("numberMatched").asInt())
			.as("the store is as before").isEqualTo(storeBefore);
		assertThat(statuses).as("the run reached both answers and refusals").containsKeys(200, 400);
	}

	@Test
	void aLimitAboveTheMaximumIsClampedNotRefused() {
		Exchange events = HttpJson.send("GET", url("/api/events?limit=999999999"));
		Exchange ogc = HttpJson.send("GET", url("/ogcapi/collections/events/items?limit=999999999"));

		assertThat(events.status()).isEqualTo(200);
		assertThat(ogc.status()).isEqualTo(200);
		assertThat(ogc.json().get("numberReturned").asInt()).isEqualTo(events.json().get("numberReturned").asInt());
		assertThat(events.json().get("numberReturned").asInt()).isPositive();
	}

	@Test
	void ifNoneMatchAnyIsA304OnlyWhereThereIsAnAnswer() {
		Exchange answer = HttpJson.send("GET", url("/api/events?type=Battles"), "If-None-Match", "*");
		Exchange refused = HttpJson.send("GET", url("/api/events?type=Batles"), "If-None-Match", "*");

		assertThat(answer.status()).isEqualTo(304);
		assertThat(answer.body()).isEmpty();
		assertThat(answer.header("ETag")).isEqualTo(HttpJson.send("GET", url("/api/events?type=Battles")).header("ETag"));
		assertThat(refused.status()).as("a misspelt type is refused, condition or not").isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("Batles");
	}

	@Test
	void anSqlLookingFilterValueMatchesNothingAndLeavesTheStoreAlone() {
		int before = HttpJson.send("GET", url("/api/events")).json().get("numberMatched").asInt();
		for (String value : List.of("' OR '1'='1", "x' OR 1=1 --", "%", "_", "'; DELETE FROM events; --")) {
			for (String parameter : List.of("q", "actor")) {
				Exchange answer = HttpJson.send("GET", url("/api/events" + query(Map.of(parameter, value))));
				assertThat(answer.status()).as(parameter + "=" + value).isEqualTo(200);
				assertThat(answer.json().get("numberMatched").asInt()).as(parameter + "=" + value).isZero();
			}
		}
		assertThat(HttpJson.send("GET", url("/api/events")).json().get("numberMatched").asInt()).isEqualTo(before);
	}

	private static boolean hostile(String value) {
		return value != null && value.contains(MARK) && !value.strip().equals(MARK);
	}

	private static boolean isJson(Exchange answer) {
		String type = answer.header("Content-Type");
		return type != null && type.contains("json");
	}

	/** A valid value most of the time, otherwise an edge case or hostile text. */
	private static String value(SplittableRandom r, Function<SplittableRandom, String> valid) {
		int roll = r.nextInt(10);
		if (roll < 5) {
			return valid.apply(r);
		}
		if (roll < 7) {
			return EDGES.get(r.nextInt(EDGES.size()));
		}
		return HOSTILE.get(r.nextInt(HOSTILE.size()));
	}

	private static Map<String, Function<SplittableRandom, String>> filters(boolean paging) {
		var p = new LinkedHashMap<String, Function<SplittableRandom, String>>();
		p.put("from", ParameterFuzzContract::date);
		p.put("to", ParameterFuzzContract::date);
		p.put("bbox", ParameterFuzzContract::bbox);
		p.put("type", r -> pick(r, "Battles", "Explosions/Remote violence", "Violence against civilians",
				"Strategic developments", "Protests", "battles"));
		p.put("actor", r -> pick(r, "Hayat Tahrir al-Sham", "Military Forces of Syria", "Military Forces of Russia", "hts"));
		p.put("claim_status", r -> pick(r, "confirmed", "contested", "denied", "disputed", "unverified"));
		p.put("q", r -> pick(r, "Aleppo", "Hama airstrike", "Idlib", "north", "حلب"));
		if (paging) {
			p.put("limit", ParameterFuzzContract::number);
			p.put("offset", ParameterFuzzContract::number);
		}
		return p;
	}

	private static Map<String, Function<SplittableRandom, String>> withZoom(Map<String, Function<SplittableRandom, String>> p) {
		var all = new LinkedHashMap<>(p);
		all.put("zoom", r -> String.valueOf(r.nextInt(-2, 25)));
		return all;
	}

	private static String date(SplittableRandom r) {
		return java.time.LocalDate.of(2024, 11, 20).plusDays(r.nextInt(-400, 400)).toString();
	}

	private static String filter(SplittableRandom r) {
		return pick(r, "event_type = 'Battles'", "T_INTERSECTS(datetime, INTERVAL('2024-12-01', '..'))",
				"S_INTERSECTS(geometry, BBOX(36, 35, 37, 36))", "title LIKE '%", "x = ", "((((", "fatalities > -1e308",
				"date_start = DATE('2024-02-30')", "NOT NOT TRUE", "'", "\u0000", "geometry = 1");
	}

	private static String crs(SplittableRandom r) {
		return pick(r, "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326",
				"http://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/def/crs/EPSG/0/32637", "EPSG:4326", "",
				"http://www.opengis.net/def/crs/EPSG/0/99999", "../../etc/passwd");
	}

	private static String bbox(SplittableRandom r) {
		double w = r.nextDouble(-190, 190);
		double s = r.nextDouble(-95, 95);
		return String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", w, s, w + r.nextDouble(-5, 20),
				s + r.nextDouble(-5, 20));
	}

	private static String datetime(SplittableRandom r) {
		return pick(r, date(r), date(r) + "/" + date(r), "../" + date(r), date(r) + "/..", date(r) + "T00:00:00Z");
	}

	private static String number(SplittableRandom r) {
		return String.valueOf(pick(r, 0, 1, 7, 100, 10_000, 10_001, 1_000_000, r.nextInt(-50, 50)));
	}

	private static String place(SplittableRandom r) {
		return pick(r, "Hama", "a strategic hill north of Hama", "northern Syria", "Aleppo countryside", "حلب", "x");
	}

	@SafeVarargs
	private static <T> T pick(SplittableRandom r, T... choices) {
		return choices[r.nextInt(choices.length)];
	}

	private static String query(Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return "";
		}
		var q = new StringBuilder();
		parameters.forEach((name, value) -> q.append(q.isEmpty() ? "?" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return q.toString();
	}

	private static String abbreviate(String body) {
		return body == null || body.length() < 400 ? body : body.substring(0, 400) + "...";
	}

	private String url(String target) {
		return "http://localhost:" + port + target;
	}

}
