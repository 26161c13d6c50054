package org.conflictmap.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.ingest.SeedImportException;
import org.conflictmap.ingest.SeedImporter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar conflict-map.jar import --format acled|ucdp|seeds FILE... [--as NAME] [--spring...]}:
 * imports files into the configured store, each file all or nothing, with progress on standard error and
 * one summary line per file on standard output. Exit status 0 when every file was imported, 1 when a file
 * was refused (the files before it stay imported), 2 for a usage error.
 */
public final class ImportCommand {

	public static final String NAME = "import";

	private static final String USAGE = "usage: java -jar conflict-map.jar import --format acled|ucdp|seeds FILE..."
			+ " [--as NAME] [--spring.profiles.active=postgis]\n  seeds takes a seeds directory (sides.yaml and events/)";

	private ImportCommand() {
	}

	private record Arguments(String format, String writtenBy, List<Path> files, List<String> springOptions) {
	}

	/** Runs the command; returns the process's exit status. */
	public static int run(String[] args) {
		Arguments a;
		try {
			a = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(NAME + ": " + ex.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		for (Path file : a.files) {
			boolean seeds = "seeds".equals(a.format);
			if (seeds ? !Files.isDirectory(file) : !Files.isRegularFile(file)) {
				System.err.println(NAME + ": " + file + (seeds ? " is not a directory" : " is not a readable file"));
				return 2;
			}
		}
		// as arguments, not default properties: application.yml would outrank those; standard output is for
		// the summaries, so the log says only errors
		var options = new ArrayList<>(List.of("--conflictmap.import-seeds-on-start=false", "--spring.main.banner-mode=off",
				"--logging.level.root=error"));
		options.addAll(a.springOptions);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConflictMapApplication.class)
			.web(WebApplicationType.NONE)
			.run(options.toArray(String[]::new))) {
			if ("seeds".equals(a.format)) {
				return seeds(context.getBean(SeedImporter.class), a.files);
			}
			BulkFormat format = BulkFormat.of(a.format);
			var importer = context.getBean(BulkImporter.class);
			for (Path file : a.files) {
				var progress = new TerminalProgress(System.err, file.getFileName().toString());
				try (InputStream in = Files.newInputStream(file)) {
					var report = importer.importCsv(in, Files.size(file), file.toString(), format, a.writtenBy, progress);
					progress.done();
					System.out.println(report.summary());
				}
				catch (RowProblem ex) {
					progress.done();
					System.err.println(NAME + ": " + ex.getMessage());
					System.err.println(NAME + ": nothing of " + file + " was stored");
					return 1;
				}
				catch (IOException ex) {
					progress.done();
					System.err.println(NAME + ": cannot read " + file + ": " + ex.getMessage());
					return 1;
				}
			}
			return 0;
		}
	}

	private static int seeds(SeedImporter importer, List<Path> dirs) {
		for (Path dir : dirs) {
			try {
				var report = importer.importDirectory(dir);
				System.out.printf(Locale.ROOT, "%s: %d new, %d updated, %d unchanged%n", dir, report.inserted(),
						report.updated(), report.unchanged());
			}
			catch (SeedImportException ex) {
				System.err.println(NAME + ": " + ex.getMessage());
				System.err.println(NAME + ": nothing of " + dir + " was stored");
				return 1;
			}
		}
		return 0;
	}

	private static Arguments parse(String[] args) {
		String format = null;
		String writtenBy = "import";
		var files = new ArrayList<Path>();
		var spring = new ArrayList<String>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--format") || arg.equals("--as")) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(arg + " needs a value");
				}
				if (arg.equals("--format")) {
					format = args[++i];
				}
				else {
					writtenBy = args[++i];
				}
			}
			else if (arg.startsWith("--format=")) {
				format = arg.substring("--format=".length());
			}
			else if (arg.startsWith("--as=")) {
				writtenBy = arg.substring("--as=".length());
			}
			else if (arg.startsWith("--")) {
				spring.add(arg);
			}
			else {
				files.add(Path.of(arg));
			}
		}
		if (format == null) {
			throw new IllegalArgumentException("--format is required");
		}
		format = format.toLowerCase(Locale.ROOT);
		if (!format.equals("seeds")) {
			BulkFormat.of(format);
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException("name at least one file");
		}
		if (writtenBy.isBlank() || writtenBy.length() > 100) {
			throw new IllegalArgumentException("--as needs a name of 1 to 100 characters");
		}
		return new Arguments(format, writtenBy, files, spring);
	}

	/** Rows, rows per second and time left, on one line rewritten at most once a second. */
	static final class TerminalProgress implements BulkImporter.Progress {

		private final PrintStream out;

		private final String name;

		private final boolean terminal = System.console() != null;

		private long lastPrinted;

		private boolean printed;

		TerminalProgress(PrintStream out, String name) {
			this.out = out;
			this.name = name;
		}

		@Override
		public void rows(long rows, long bytesRead, long totalBytes, long elapsedNanos) {
			long now = System.nanoTime();
			if (now - lastPrinted < (terminal ? 1_000_000_000L : 5_000_000_000L)) {
				return;
			}
			lastPrinted = now;
			out.print((terminal ? "\r" : "") + line(rows, bytesRead, totalBytes, elapsedNanos) + (terminal ? "" : "\n"));
			out.flush();
			printed = true;
		}

		static String line(long rows, long bytesRead, long totalBytes, long elapsedNanos) {
			double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
			var line = new StringBuilder(String.format(Locale.ROOT, "%,d rows, %,d rows/s", rows, Math.round(rows / seconds)));
			if (totalBytes > 0 && bytesRead > 0) {
				double done = Math.min(1.0, (double) bytesRead / totalBytes);
				long left = Math.round(seconds * (1 - done) / done);
				line.append(String.format(Locale.ROOT, ", %d%%, ETA %d:%02d", Math.round(done * 100), left / 60, left % 60));
			}
			return line.toString();
		}

		void done() {
			if (printed && terminal) {
				out.println();
			}
		}

		@Override
		public String toString() {
			return name;
		}

	}

}
