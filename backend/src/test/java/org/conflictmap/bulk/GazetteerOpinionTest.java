package org.conflictmap.bulk;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The opinion's numbers read as {@code String.format} wrote them before it was replaced for speed. */
class GazetteerOpinionTest {

	@Test
	void fixedPointNumbersReadAsFormatWritesThem() {
		double[] edges = { 0, 0.05, 0.15, 0.25, 0.45, 9.95, 9.949999, 2.5, 3.5, 10.5, 36.29005, 36.29015, 33.51025,
				35.00005, 149.5, 1e-5, 123456.78905 };
		var random = new Random(3);
		for (int i = 0; i < 200_000; i++) {
			double value = i < edges.length ? edges[i]
					: switch (i % 3) {
						case 0 -> random.nextDouble() * 90;
						case 1 -> Math.round(random.nextDouble() * 1e6) / 1e5 + 0.00005;
						default -> Math.round(random.nextDouble() * 2e3) / 20.0;
					};
			for (int decimals : new int[] { 0, 1, 4 }) {
				assertThat(GazetteerOpinion.fixed(value, decimals)).as("%s to %d places", value, decimals)
					.isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
			}
		}
	}

}
