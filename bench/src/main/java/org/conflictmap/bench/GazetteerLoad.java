package org.conflictmap.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.conflictmap.gazetteer.Gazetteer;

/**
 * Load time and retained heap of a gazetteer: the shipped extract, or a GeoNames dump given as the
 * argument (the whole cities500.txt, say). Prints one line per run; the best of five load times counts,
 * and the heap is measured after full collections with the gazetteer still reachable.
 *
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.conflictmap.bench.GazetteerLoad [cities500.txt]}
 */
public final class GazetteerLoad {

	private GazetteerLoad() {
	}

	public static void main(String[] args) throws Exception {
		Path dump = args.length > 0 ? Path.of(args[0]) : null;
		String what = dump == null ? "shipped extract + supplement" : dump + " + supplement";
		long best = Long.MAX_VALUE;
		Gazetteer g = null;
		for (int run = 0; run < 5; run++) {
			g = null;
			settle();
			long t0 = System.nanoTime();
			g = dump == null ? Gazetteer.loadDefault() : Gazetteer.load(dump);
			best = Math.min(best, System.nanoTime() - t0);
		}
		g = null;
		settle();
		long before = used();
		g = dump == null ? Gazetteer.loadDefault() : Gazetteer.load(dump);
		settle();
		long after = used();
		System.out.printf("%s: %d records, load %.0f ms (best of 5), retained heap %.1f MB%n", what, g.size(),
				best / 1e6, (after - before) / 1048576.0);
	}

	private static void settle() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
	}

	private static long used() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
