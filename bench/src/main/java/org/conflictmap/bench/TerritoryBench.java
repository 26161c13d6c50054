package org.conflictmap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The territory measurements of bench/territory.sh against a running service. Prints one {@code key value}
 * line per figure.
 *
 * <p>{@code assess SERVICE USER PASSWORD COUNT FIRST LAST}: publishes COUNT assessments through the API,
 * sides taken in turn, valid from days spread evenly over FIRST..LAST, each an octagon of 15 to 40 km
 * across somewhere in Syria (seed 7). {@code days SERVICE FIRST LAST ASSESSMENTS COUNT}: asks for the territory of
 * the day after LAST (the first question after the writes, which reads the assessments and events in),
 * then COUNT of the valid-from days, each the first question about its day, then the same days again. {@code dates SERVICE COUNT}: asks for COUNT distinct days, one after another, from
 * 1990-01-01 on.
 */
public final class TerritoryBench {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final List<String> SIDES = List.of("opposition", "government");

	private TerritoryBench() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "assess" -> assess(args[1], args[2], args[3], Integer.parseInt(args[4]), LocalDate.parse(args[5]),
					LocalDate.parse(args[6]));
			case "days" -> days(args[1], LocalDate.parse(args[2]), LocalDate.parse(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]));
			case "rewrite" -> rewrite(args[1], args[2], args[3], Integer.parseInt(args[4]));
			case "dates" -> dates(args[1], Integer.parseInt(args[2]));
			default -> throw new IllegalArgumentException("assess, days or dates, not " + args[0]);
		}
	}

	/** The i-th of COUNT valid-from days spread over first..last. */
	static LocalDate day(LocalDate first, LocalDate last, int i, int count) {
		long span = ChronoUnit.DAYS.between(first, last);
		return first.plusDays(span * i / Math.max(1, count - 1));
	}

	static void assess(String service, String user, String password, int count, LocalDate first, LocalDate last)
			throws Exception {
		String auth = basic(user, password);
		var random = new SplittableRandom(7);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			double lon = 36.2 + random.nextDouble() * 5.0;
			double lat = 32.9 + random.nextDouble() * 3.9;
			double radius = 0.07 + random.nextDouble() * 0.11;
			var ring = new StringBuilder("[");
			for (int k = 0; k <= 8; k++) {
				double a = 2 * Math.PI * (k % 8) / 8;
				ring.append(String.format(Locale.ROOT, "%s[%.5f,%.5f]", k == 0 ? "" : ",", lon + radius * Math.cos(a),
						lat + radius * Math.sin(a)));
			}
			ring.append(']');
			post(service, auth, ring.toString(), SIDES.get(i % SIDES.size()), day(first, last, i, count));
		}
		System.out.printf(Locale.ROOT, "assessments %d%nassess_s %.1f%n", count, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * ROUNDS times: one more assessment published, then the first question after it (which reads the
	 * assessments and events in again), timed.
	 */
	static void rewrite(String service, String user, String password, int rounds) throws Exception {
		String auth = basic(user, password);
		long[] times = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			post(service, auth, "[[37.0,35.0],[37.1,35.0],[37.1,35.1],[37.0,35.1],[37.0,35.0]]", "opposition",
					LocalDate.of(2024, 6, 1).plusDays(i));
			long t = System.nanoTime();
			get(service + "/api/frontlines?date=" + LocalDate.of(2024, 7, 1).plusDays(i));
			times[i] = System.nanoTime() - t;
		}
		System.out.printf(Locale.ROOT, "after_write_p50_ms %.1f%nafter_write_max_ms %.1f%n", ms(times, 0.5), ms(times, 1.0));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static void post(String service, String auth, String ring, String side, LocalDate validFrom) throws Exception {
		String body = """
				{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [%s]},
				 "properties": {"side": "%s", "valid_from": "%s", "confidence": "medium", "note": "bench",
				   "status": "published"}}""".formatted(ring, side, validFrom);
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/territory/assessments"))
			.header("Authorization", auth)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("an assessment answered " + r.statusCode() + ": " + r.body());
		}
	}

	/** @param assessments how many {@code assess} published over first..last: their valid-from days are asked */
	static void days(String service, LocalDate first, LocalDate last, int assessments, int count) throws Exception {
		var random = new SplittableRandom(11);
		var days = new ArrayList<LocalDate>();
		while (days.size() < count) {
			LocalDate d = day(first, last, random.nextInt(assessments), assessments);
			if (!days.contains(d)) {
				days.add(d);
			}
		}
		// the first question after the writes also reads the assessments and events in: timed on its own
		long t0 = System.nanoTime();
		get(service + "/api/frontlines?date=" + last.plusDays(1));
		System.out.printf(Locale.ROOT, "after_writes_ms %.1f%n", (System.nanoTime() - t0) / 1e6);
		long[] firstTimes = new long[count];
		long[] again = new long[count];
		long bytes = 0;
		for (int i = 0; i < count; i++) {
			long t = System.nanoTime();
			bytes += get(service + "/api/frontlines?date=" + days.get(i));
			firstTimes[i] = System.nanoTime() - t;
		}
		for (int i = 0; i < count; i++) {
			long t = System.nanoTime();
			get(service + "/api/frontlines?date=" + days.get(i));
			again[i] = System.nanoTime() - t;
		}
		System.out.printf(Locale.ROOT, "days %d%nday_bytes_mean %d%n", count, bytes / count);
		System.out.printf(Locale.ROOT, "first_p50_ms %.1f%nfirst_p95_ms %.1f%nfirst_max_ms %.1f%n", ms(firstTimes, 0.5),
				ms(firstTimes, 0.95), ms(firstTimes, 1.0));
		System.out.printf(Locale.ROOT, "repeat_p50_ms %.1f%nrepeat_p95_ms %.1f%n", ms(again, 0.5), ms(again, 0.95));
	}

	static void dates(String service, int count) throws Exception {
		LocalDate first = LocalDate.of(1990, 1, 1);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			get(service + "/api/frontlines?date=" + first.plusDays(i));
		}
		System.out.printf(Locale.ROOT, "distinct_dates %d%ndates_s %.1f%n", count, (System.nanoTime() - start) / 1e9);
	}

	private static long get(String url) throws Exception {
		HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode());
		}
		return r.body().length;
	}

	/** The q-quantile of nanosecond times, in milliseconds. */
	private static double ms(long[] nanos, double q) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int i = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

}
