package org.conflictmap.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar conflict-map.jar generate-acled --events N [--seed S] [--out FILE]}: writes synthetic
 * ACLED-format CSV ({@link SyntheticAcled}) to the file or to standard output, for tests, benchmarks and
 * trying the importer. Exit status 0, or 2 for a usage error.
 */
public final class GenerateCommand {

	public static final String NAME = "generate-acled";

	private static final String USAGE = "usage: java -jar conflict-map.jar generate-acled --events N [--seed S] [--out FILE]";

	private GenerateCommand() {
	}

	/** Runs the command; returns the process's exit status. */
	public static int run(String[] args) throws IOException {
		long events = -1;
		long seed = 1;
		Path out = null;
		try {
			for (int i = 1; i < args.length; i++) {
				String value = i + 1 < args.length ? args[i + 1] : null;
				switch (args[i]) {
					case "--events" -> events = Long.parseLong(require(args[i], value));
					case "--seed" -> seed = Long.parseLong(require(args[i], value));
					case "--out" -> out = Path.of(require(args[i], value));
					default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
				}
				i++;
			}
			if (events < 0) {
				throw new IllegalArgumentException("--events N is required (N >= 0)");
			}
		}
		catch (NumberFormatException ex) {
			System.err.println(NAME + ": --events and --seed take whole numbers");
			System.err.println(USAGE);
			return 2;
		}
		catch (IllegalArgumentException ex) {
			System.err.println(NAME + ": " + ex.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		try (OutputStream stream = new BufferedOutputStream(
				out == null ? System.out : Files.newOutputStream(out), 1 << 16)) {
			SyntheticAcled.overSyria().write(stream, events, seed);
		}
		return 0;
	}

	private static String require(String option, String value) {
		if (value == null) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return value;
	}

}
