package org.conflictmap.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.EventDates;
import org.conflictmap.event.EventJson;
import org.conflictmap.event.EventRepository;
import org.conflictmap.event.TerritoryEvent;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The territory layer for any day: the published assessments (curated areas, {@link Assessment}) plus
 * what the stored events say, derived in the UTM zone of the area and published in WGS84. Each day's
 * answer is computed once per change of the data (any write of an event or an assessment) and kept,
 * keyed on the data version read from the database, so several instances agree on what is current.
 */
@Service
public class TerritoryService {

	/** The side whose area's edge is drawn as the front line. */
	static final String FRONT_SIDE = "opposition";

	private static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), 0);

	private final EventRepository events;

	private final Gazetteer gazetteer;

	private final AssessmentRepository assessments;

	private final MetricProjection projection = new MetricProjection(38.0, 35.0);

	private final TerritoryDeriver.Border border;

	/** The most derivations kept: one per day on which anything changes, 500 of them about 8 MB at the seeds' size. */
	static final int MAX_DAYS = 500;

	/** Stands for every day before the first change. */
	private static final LocalDate BEFORE_ALL = LocalDate.MIN;

	/**
	 * The territory derived for the current inputs, keyed by the last day on or before the day asked on
	 * which anything changes: every day from one change to the next shares one derivation, so no client
	 * can fill the cache by asking for many dates. Bounded too (Caffeine, least recently used out first).
	 */
	private final Cache<LocalDate, Derived> days = Caffeine.newBuilder().maximumSize(MAX_DAYS).build();

	private final Map<LocalDate, Derived> cache = days.asMap();

	/** The days on which anything changes, for the current inputs. */
	private volatile TreeSet<LocalDate> changeDays = new TreeSet<>();

	private volatile String cachedVersion = "";

	private volatile Inputs inputs;

	/** What a day's territory is, in the form every day up to the next change shares. */
	private record Derived(byte[] areaJson, byte[] featuresJson, String hash, Map<String, Double> areaKm2,
			List<Feature> features) {
	}

	/** A day's territory as the API sends it, with its ETag, and its features for the exports. */
	public record Published(LocalDate date, byte[] body, String etag, Map<String, Double> areaKm2,
			List<Feature> features) {
	}

	/** One polygon or line of a day, in WGS84, with its GeoJSON properties. */
	public record Feature(String id, Geometry geometry, Map<String, Object> properties) {

		/** As an RFC 7946 Feature object (a fresh, mutable map: callers may add members such as links). */
		public Map<String, Object> toGeoJson() {
			var f = new LinkedHashMap<String, Object>();
			f.put("type", "Feature");
			f.put("id", id);
			f.put("geometry", GeoJson.geometry(geometry));
			f.put("properties", properties);
			return f;
		}

	}

	private record Inputs(List<TerritoryDeriver.Snapshot> snapshots, List<TerritoryDeriver.Change> changes,
			List<TerritoryDeriver.Fighting> fighting) {
	}

	public TerritoryService(EventRepository events, AssessmentRepository assessments, Gazetteer gazetteer) {
		this.events = events;
		this.assessments = assessments;
		this.gazetteer = gazetteer;
		this.border = TerritoryDeriver.Border.of(projection.toMetric(syriaOutline()));
	}

	/**
	 * The territory on {@code date}: derived once per day on which anything changes and per change of
	 * the data, then kept; the answer for {@code date} is that derivation with its date.
	 */
	public Published on(LocalDate date) {
		refreshIfStale();
		Inputs current = inputs;
		LocalDate change = changeDays.floor(date);
		LocalDate key = change == null ? BEFORE_ALL : change;
		Derived derived = cache.computeIfAbsent(key, k -> derive(date, current));
		if (inputs != current) {
			cache.remove(key, derived); // the data changed meanwhile: not kept for the new version
		}
		return published(date, derived);
	}

	private static Published published(LocalDate date, Derived d) {
		byte[] head = ("{\"type\":\"FeatureCollection\",\"date\":\"" + date + "\",\"area_km2\":")
			.getBytes(StandardCharsets.UTF_8);
		byte[] middle = ",\"features\":".getBytes(StandardCharsets.UTF_8);
		var body = new java.io.ByteArrayOutputStream(head.length + d.areaJson().length + d.featuresJson().length + 16);
		body.writeBytes(head);
		body.writeBytes(d.areaJson());
		body.writeBytes(middle);
		body.writeBytes(d.featuresJson());
		body.write('}');
		return new Published(date, body.toByteArray(), "\"" + d.hash() + "-" + date + "\"", d.areaKm2(), d.features());
	}

	/**
	 * What each side gained and lost between two days, {@link #movement} as the API and the exports send it.
	 * @param km2 per side, {@code gained} and {@code lost}
	 */
	public record Movement(LocalDate from, LocalDate to, Map<String, Map<String, Double>> km2, List<Feature> features) {

		/** A FeatureCollection with {@code from}, {@code to} and {@code km2} as foreign members. */
		public Map<String, Object> toGeoJson() {
			var body = new LinkedHashMap<String, Object>();
			body.put("type", "FeatureCollection");
			body.put("from", from.toString());
			body.put("to", to.toString());
			body.put("km2", km2);
			body.put("features", features.stream().map(Feature::toGeoJson).toList());
			return body;
		}

	}

	/** {@link #movement(LocalDate, LocalDate)} between the days named by the parameters {@code from} and {@code to}. */
	public Movement movement(Map<String, String[]> params) {
		LocalDate from = requiredDay(params, "from");
		LocalDate to = requiredDay(params, "to");
		if (from.isAfter(to)) {
			throw new BadRequestException("from", "from (" + from + ") is after to (" + to + ")");
		}
		return movement(from, to);
	}

	private static LocalDate requiredDay(Map<String, String[]> params, String name) {
		String value = Parameters.single(params, name);
		if (value == null) {
			throw new BadRequestException(name, name + " is required: an ISO date like 2024-12-05");
		}
		return EventDates.parameter(name, value);
	}

	/**
	 * What each side gained and lost between two days: the control areas of {@code to} less those of
	 * {@code from}, and the reverse, in the metric projection, with their km² and the evidence new on
	 * {@code to} (the assessments and events that moved the line): {@code kind: gained} and
	 * {@code kind: lost} areas, ids {@code gained-opposition} and the like.
	 */
	public Movement movement(LocalDate from, LocalDate to) {
		Map<String, Feature> before = controlBySide(on(from));
		Map<String, Feature> after = controlBySide(on(to));
		var sides = new TreeSet<String>(before.keySet());
		sides.addAll(after.keySet());
		var features = new ArrayList<Feature>();
		var km2 = new LinkedHashMap<String, Map<String, Double>>();
		for (String side : sides) {
			Geometry then = metric(before.get(side));
			Geometry now = metric(after.get(side));
			var evidence = new ArrayList<String>(evidence(after.get(side)));
			evidence.removeAll(evidence(before.get(side)));
			var sideKm2 = new LinkedHashMap<String, Double>();
			for (String kind : List.of("gained", "lost")) {
				Geometry moved = TerritoryDeriver.tidy("gained".equals(kind) ? now.difference(then) : then.difference(now));
				double area = moved.isEmpty() ? 0 : Math.round(moved.getArea() / 1e4) / 100.0;
				sideKm2.put(kind, area);
				if (area > 0) {
					var p = new LinkedHashMap<String, Object>();
					p.put("side", side);
					p.put("kind", kind);
					p.put("from", from.toString());
					p.put("to", to.toString());
					p.put("km2", area);
					p.put("evidence", List.copyOf(evidence));
					features.add(new Feature(kind + "-" + side, projection.toWgs84(moved), p));
				}
			}
			km2.put(side, sideKm2);
		}
		return new Movement(from, to, km2, List.copyOf(features));
	}

	private static Map<String, Feature> controlBySide(Published day) {
		var bySide = new LinkedHashMap<String, Feature>();
		for (Feature f : day.features()) {
			if (TerritoryDeriver.CONTROL.equals(f.properties().get("kind"))) {
				bySide.put((String) f.properties().get("side"), f);
			}
		}
		return bySide;
	}

	private Geometry metric(Feature f) {
		return f == null ? METRIC.createGeometryCollection() : projection.toMetric(f.geometry());
	}

	@SuppressWarnings("unchecked")
	private static List<String> evidence(Feature f) {
		return f == null ? List.of() : (List<String>) f.properties().getOrDefault("evidence", List.of());
	}

	/** How many days are kept now. */
	int keptDays() {
		days.cleanUp(); // Caffeine evicts in the background; this waits for it
		return cache.size();
	}

	/** The sorted days on which anything in the layer changes. */
	public List<LocalDate> dates() {
		refreshIfStale();
		return List.copyOf(changeDays);
	}

	private static TreeSet<LocalDate> changeDays(Inputs inputs) {
		var dates = new TreeSet<LocalDate>();
		inputs.snapshots().forEach(s -> {
			dates.add(s.validFrom());
			if (s.validTo() != null) {
				dates.add(s.validTo().plusDays(1));
			}
		});
		inputs.changes().forEach(c -> {
			dates.add(c.reported());
			dates.add(c.effective());
		});
		inputs.fighting().forEach(f -> {
			dates.add(f.start());
			dates.add(f.end().plusDays(1));
		});
		return dates;
	}

	private synchronized void refreshIfStale() {
		String version = events.dataVersion(); // moved by every write of an event or an assessment
		if (!version.equals(cachedVersion)) {
			inputs = new Inputs(snapshots(), new ArrayList<>(), new ArrayList<>());
			events.forEachTerritoryEvent(this::collect);
			changeDays = changeDays(inputs);
			cache.clear();
			cachedVersion = version;
		}
	}

	/** Events placed no better than a region never get here: a region is too vague to draw a line from. */
	private void collect(TerritoryEvent e) {
		Point at = (Point) projection.toMetric(e.geom());
		Place place = e.placeId() == null ? null : gazetteer.byId(e.placeId()).orElse(null);
		int precision = e.geoPrecision();
		if (e.controlSide() != null) {
			double km = place != null ? Math.min(Math.max(gazetteer.reachKm(place) * 1.5, 2), 20) : precision == 1 ? 2 : 4;
			inputs.changes().add(new TerritoryDeriver.Change(e.id(), e.dateStart(), e.dateEnd(), e.controlSide(),
					e.controlChange(), at, km * 1000));
		}
		else if ("Battles".equals(e.eventType())) {
			double km = place != null ? Math.max(gazetteer.reachKm(place) * 1.2, 3) : 4;
			inputs.fighting().add(new TerritoryDeriver.Fighting(e.id(), e.dateStart(), e.dateEnd(), at, km * 1000));
		}
	}

	private Derived derive(LocalDate date, Inputs inputs) {
		TerritoryDeriver.Result result = TerritoryDeriver.derive(date, inputs.snapshots(), inputs.changes(),
				inputs.fighting(), border, FRONT_SIDE, METRIC);
		var published = new ArrayList<Feature>();
		var areaBySide = new LinkedHashMap<String, Double>();
		var confidence = new java.util.HashMap<String, String>();
		inputs.snapshots().forEach(snapshot -> confidence.put(snapshot.id(), snapshot.confidence()));
		Set<String> assessed = confidence.keySet();
		for (Area a : result.areas()) {
			double km2 = Math.round(a.geometry().getArea() / 1e4) / 100.0;
			if (TerritoryDeriver.CONTROL.equals(a.kind())) {
				areaBySide.merge(a.side(), km2, Double::sum);
			}
			var p = new LinkedHashMap<String, Object>();
			p.put("side", a.side());
			p.put("kind", a.kind());
			p.put("status", a.status());
			p.put("valid_from", a.validFrom() == null ? null : a.validFrom().toString());
			if (a.until() != null) {
				p.put("until", a.until().toString());
			}
			p.put("evidence", a.evidence());
			// which of the evidence are assessments (the rest are events), for links to each
			p.put("assessments", a.evidence().stream().filter(assessed::contains).toList());
			// the least sure of the assessments it starts from, or null for land only events put there
			a.evidence().stream().map(confidence::get).filter(java.util.Objects::nonNull)
				.max(java.util.Comparator.comparingInt(Assessment.CONFIDENCES::indexOf))
				.ifPresent(c -> p.put("confidence", c));
			p.put("area_km2", km2);
			published.add(new Feature(a.id(), projection.toWgs84(a.geometry()), p));
		}
		for (TerritoryDeriver.Advance a : result.advances()) {
			var p = new LinkedHashMap<String, Object>();
			p.put("side", a.side());
			p.put("kind", TerritoryDeriver.ADVANCE);
			p.put("status", TerritoryDeriver.DERIVED);
			p.put("valid_from", a.day().toString());
			p.put("evidence", List.of(a.eventId()));
			p.put("length_km", Math.round(a.line().getLength() / 100) / 10.0);
			published.add(new Feature("advance-" + a.eventId(), projection.toWgs84(a.line()), p));
		}
		if (!result.frontline().isEmpty()) {
			var p = new LinkedHashMap<String, Object>();
			p.put("kind", "frontline");
			p.put("side", FRONT_SIDE);
			p.put("length_km", Math.round(result.frontline().getLength() / 100) / 10.0);
			published.add(new Feature("frontline", projection.toWgs84(result.frontline()), p));
		}
		byte[] area = EventJson.MAPPER.writeValueAsBytes(areaBySide);
		byte[] features = EventJson.MAPPER.writeValueAsBytes(published.stream().map(Feature::toGeoJson).toList());
		byte[] both = new byte[area.length + features.length];
		System.arraycopy(area, 0, both, 0, area.length);
		System.arraycopy(features, 0, both, area.length, features.length);
		return new Derived(area, features, sha256(both).substring(0, 24), Map.copyOf(areaBySide), List.copyOf(published));
	}

	/** The published assessments, in the metric projection. */
	private List<TerritoryDeriver.Snapshot> snapshots() {
		return assessments.list(Set.of("published"), null, null).stream()
			.map(a -> new TerritoryDeriver.Snapshot(a.id(), a.side(), a.validFrom(), a.validTo(),
					projection.toMetric(a.area()), a.confidence()))
			.toList();
	}

	/** Syria's Natural Earth outline, shipped with the frontend's offline basemap. */
	private static Geometry syriaOutline() {
		try (InputStream in = TerritoryService.class.getResourceAsStream("/META-INF/resources/data/countries.geojson")) {
			if (in == null) {
				throw new IllegalStateException("the frontend's data/countries.geojson is missing from the classpath");
			}
			JsonNode countries = EventJson.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			for (JsonNode f : countries.path("features")) {
				if ("Syria".equals(f.path("properties").path("name").asString(""))) {
					return GeoJson.polygonal(f.path("geometry"), "countries.geojson Syria");
				}
			}
			throw new IllegalStateException("countries.geojson has no Syria");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
