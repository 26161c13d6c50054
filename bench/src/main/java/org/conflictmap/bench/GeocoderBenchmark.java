package org.conflictmap.bench;

import java.util.concurrent.TimeUnit;

import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GeocodeContext;
import org.conflictmap.gazetteer.GeocodeResult;
import org.conflictmap.gazetteer.NewsGeocoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Geocoder lookups on one thread over the shipped extract: names that match exactly (or by variant
 * key), and misspellings that only the fuzzy tier finds. Each invocation resolves one name, cycling
 * through the list.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GeocoderBenchmark {

	private static final String[] EXACT = { "Hama", "Aleppo", "Homs", "Damascus", "Idlib", "Raqqa", "Deir ez-Zor",
			"Maarat al-Numan", "Khan Sheikhoun", "Salamiyeh", "Muhrada", "Saraqeb", "Jisr al-Shughour", "Qamishli",
			"Tal Rifaat", "Kobani", "حماة", "Daraa", "Latakia", "Tartous" };

	/** Spellings that no exact or variant key matches (checked at set-up): typos and loose transliterations. */
	private static final String[] FUZZY = { "Mhardeh", "Khan Shekhoun", "Jisr Shugur", "Maarat Nuaman", "Idlbi",
			"Sarqib", "Manbji", "Latkia" };

	private NewsGeocoder geocoder;

	private GeocodeContext syria;

	private int i;

	@Setup
	public void load() {
		geocoder = new NewsGeocoder(Gazetteer.loadDefault());
		syria = GeocodeContext.syria();
		for (String name : FUZZY) {
			GeocodeResult r = geocoder.geocode(name, syria);
			if (!r.isResolved() || !r.resolution().method().equals("fuzzy-name")) {
				throw new IllegalStateException(name + " must need the fuzzy tier: " + r.explanation());
			}
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public GeocodeResult exact() {
		return geocoder.geocode(EXACT[i++ % EXACT.length], syria);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public GeocodeResult fuzzy() {
		return geocoder.geocode(FUZZY[i++ % FUZZY.length], syria);
	}

}
