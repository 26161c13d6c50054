package org.conflictmap.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The read measurements of bench/run.sh, against a running service and the PostGIS database behind it:
 * the same 30-day windows over Syria through {@code /api/events} and as one PostGIS statement (the same
 * FeatureCollection built by {@code json_agg} of {@code ST_AsGeoJSON}), each fetched whole over a TCP
 * connection to localhost, and the full GeoJSON export. Prints one {@code key value} line per figure.
 *
 * <p>{@code reads SERVICE JDBC USER PASSWORD FIRST_DAY LAST_DAY}: the month windows, both ways;
 * {@code export SERVICE}: the full export; {@code reset JDBC USER PASSWORD SCHEMA}: drops the schema the
 * run fills, so every run imports into an empty store.
 */
public final class ServiceBench {

	/** Syria, as the map frames it. */
	static final String BBOX = "35.5,32.3,42.4,37.4";

	static final int WINDOWS = 21;

	static final int WARMUP = 5;

	/**
	 * The same WHERE, order and page as the service's /api/events, and each feature's properties as the
	 * service writes them (EventJson.feature): PostGIS builds the whole answer.
	 */
	static final String RAW = """
			SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (SELECT count(*) FROM events
			    WHERE status = 'published' AND date_end >= ? AND date_start <= ?
			    AND geom && ST_MakeEnvelope(35.5, 32.3, 42.4, 37.4, 4326)
			    AND ST_Intersects(geom, ST_MakeEnvelope(35.5, 32.3, 42.4, 37.4, 4326))),
			  'features', coalesce(json_agg(ST_AsGeoJSON(t.*, 'geom', 7)::json), '[]'::json))::text
			FROM (SELECT id, title, summary, event_type, sub_event_type, actors_json::json AS actors, date_start,
			    date_end, time_precision, place_text, place_id, geo_precision, geocode_method, geocode_score,
			    geocode_json::json -> 'explanation' AS geocode_explanation,
			    geocode_json::json -> 'alternatives' AS geocode_alternatives, country, admin1, fatalities,
			    claims_json::json AS claims, claim_status, sources_json::json AS sources,
			    CASE WHEN control_side IS NULL THEN NULL
			         ELSE json_build_object('side', control_side, 'change', control_change) END AS control_change,
			    status, version, created_at, updated_at, geom
			  FROM events
			  WHERE status = 'published' AND date_end >= ? AND date_start <= ?
			    AND geom && ST_MakeEnvelope(35.5, 32.3, 42.4, 37.4, 4326)
			    AND ST_Intersects(geom, ST_MakeEnvelope(35.5, 32.3, 42.4, 37.4, 4326))
			  ORDER BY date_start, id LIMIT 10000) t""";

	private ServiceBench() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "reads" -> reads(Arrays.copyOfRange(args, 1, args.length));
			case "export" -> export(args[1]);
			case "reset" -> {
				if (!args[4].matches("[a-z_][a-z0-9_]*")) {
					throw new IllegalArgumentException("schema names here are lower-case words: " + args[4]);
				}
				try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
					db.createStatement().execute("DROP SCHEMA IF EXISTS " + args[4] + " CASCADE");
				}
			}
			default -> throw new IllegalArgumentException("reads, export or reset, not " + args[0]);
		}
	}

	static void reads(String[] args) throws Exception {
		String service = args[0];
		LocalDate first = LocalDate.parse(args[4]);
		LocalDate last = LocalDate.parse(args[5]);
		// the warm-up's windows are other windows: a measured answer is never one the service has kept
		List<LocalDate> warmups = windows(first.plusDays(13), last).subList(0, WARMUP);
		List<LocalDate> starts = windows(first, last);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		long[] api = new long[starts.size()];
		long[] raw = new long[starts.size()];
		long apiBytes = 0;
		long rawBytes = 0;
		try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
			db.createStatement().execute("SET jit = off; SET plan_cache_mode = force_custom_plan"); // as the service's (application-postgis.yml)
			for (int round = 0; round < 2; round++) {
				// round 0 warms both paths (and the database's cache), round 1 measures
				List<LocalDate> windows = round == 0 ? warmups : starts;
				for (int i = 0; i < windows.size(); i++) {
					LocalDate from = windows.get(i);
					LocalDate to = from.plusDays(29);
					long t0 = System.nanoTime();
					byte[] body = get(http, service + "/api/events?from=" + from + "&to=" + to + "&bbox=" + BBOX);
					long t1 = System.nanoTime();
					String fc = raw(db, from, to);
					long t2 = System.nanoTime();
					if (round == 1) {
						api[i] = t1 - t0;
						raw[i] = t2 - t1;
						apiBytes += body.length;
						rawBytes += fc.length();
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "bbox_month_p50_ms %.1f%n", median(api) / 1e6);
		System.out.printf(Locale.ROOT, "raw_sql_p50_ms %.1f%n", median(raw) / 1e6);
		System.out.printf(Locale.ROOT, "ratio_vs_raw %.2f%n", (double) median(api) / median(raw));
		System.out.printf(Locale.ROOT, "month_api_kb_avg %d%n", apiBytes / starts.size() / 1024);
		System.out.printf(Locale.ROOT, "month_raw_kb_avg %d%n", rawBytes / starts.size() / 1024);
	}

	static void export(String service) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long t0 = System.nanoTime();
		long exported = drain(http, service + "/api/export/events.geojson");
		System.out.printf(Locale.ROOT, "export_all_s %.1f%n", (System.nanoTime() - t0) / 1e9);
		System.out.printf(Locale.ROOT, "export_mb %d%n", exported >> 20);
	}

	/** Windows spread evenly over the data's span, in an order that does not walk the table. */
	static List<LocalDate> windows(LocalDate first, LocalDate last) {
		long span = last.toEpochDay() - first.toEpochDay() - 30;
		var starts = new ArrayList<LocalDate>();
		for (int i = 0; i < WINDOWS; i++) {
			starts.add(first.plusDays(span * ((i * 7L) % WINDOWS) / WINDOWS));
		}
		return starts;
	}

	private static byte[] get(HttpClient http, String url) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode());
		}
		return r.body();
	}

	private static long drain(HttpClient http, String url) throws Exception {
		HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode());
		}
		long n = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = r.body()) {
			for (int k; (k = in.read(buffer)) > 0;) {
				n += k;
			}
		}
		return n;
	}

	private static String raw(Connection db, LocalDate from, LocalDate to) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(RAW)) {
			s.setObject(1, from);
			s.setObject(2, to);
			s.setObject(3, from);
			s.setObject(4, to);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
