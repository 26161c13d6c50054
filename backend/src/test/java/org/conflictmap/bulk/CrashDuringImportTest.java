package org.conflictmap.bulk;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.conflictmap.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of an import, on both stores: the import command runs in a process of
 * its own, is killed (SIGKILL, no shutdown hook runs) once it reports rows written, and afterwards the
 * store is exactly as it was before that import (every event, version and actor row, and the data
 * version the caches key on); the same command run again completes. On the embedded store it is killed
 * three times, at different moments after that report: H2 recovers a killed transaction when it opens
 * the file again, and that recovery is what failed (about one kill in three) while the store had an
 * R-tree (db/migration/h2/V10).
 */
class CrashDuringImportTest {

	/** Twice the rows after which the import first reports progress (10,000): it is killed halfway. */
	private static final int ROWS = 20_000;

	@TempDir
	Path dir;

	@Test
	void onTheEmbeddedStore() throws Exception {
		Path data = dir.resolve("data");
		String store = "--conflictmap.data-dir=" + data;
		crashThenRerun(List.of(store), () -> new DriverManagerDataSource(
				"jdbc:h2:file:" + data.toAbsolutePath().resolve("conflictmap"), "sa", ""), 0, 700, 1400);
	}

	@Test
	void onPostgis() throws Exception {
		TestDatabases.requirePostgis();
		String schema = "crash_import_test";
		JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD))
			.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE")
			.update();
		crashThenRerun(List.of("--spring.profiles.active=postgis", "--spring.datasource.url=" + TestDatabases.schemaUrl(schema),
				"--spring.datasource.username=" + TestDatabases.PG_USER,
				"--spring.datasource.password=" + TestDatabases.PG_PASSWORD, "--spring.flyway.schemas=" + schema),
				() -> new DriverManagerDataSource(TestDatabases.schemaUrl(schema), TestDatabases.PG_USER,
						TestDatabases.PG_PASSWORD), 0);
	}

	/**
	 * @param killDelaysMs one killed import per value: how long after its first report of rows written it
	 * is killed
	 */
	private void crashThenRerun(List<String> store, java.util.function.Supplier<DataSource> reader,
			long... killDelaysMs) throws Exception {
		Path earlier = dir.resolve("earlier.csv");
		Path big = dir.resolve("big.csv");
		assertThat(GenerateCommand.run(new String[] { GenerateCommand.NAME, "--events", "1000", "--seed", "1", "--out",
				earlier.toString() })).isZero();
		assertThat(GenerateCommand.run(new String[] { GenerateCommand.NAME, "--events", String.valueOf(ROWS), "--seed", "2",
				"--out", big.toString() })).isZero();
		// the earlier file's ids must not collide with the big one's: the big import would then update them
		java.nio.file.Files.write(earlier, java.nio.file.Files.readAllLines(earlier).stream()
			.map(line -> line.replaceFirst("^SYR", "SYRE"))
			.toList());

		long t0 = System.nanoTime();
		Result first = run(store, "import", "--format", "acled", earlier.toString());
		assertThat(first.exit()).as(first.err()).isZero();
		String before = fingerprint(reader.get());
		long t1 = System.nanoTime();

		for (long delay : killDelaysMs) {
			Process crashing = start(store, "import", "--format", "acled", big.toString());
			List<String> seen = new ArrayList<>();
			try (var err = new BufferedReader(new InputStreamReader(crashing.getErrorStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = err.readLine()) != null) {
					seen.add(line);
					if (line.matches("[\\d,]+ rows, .*")) {
						// rows are in the database, uncommitted: now (or a little later), without warning
						Thread.sleep(delay);
						crashing.destroyForcibly();
						break;
					}
				}
			}
			assertThat(crashing.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(seen).as("killed mid-import, after it reported rows written").anyMatch(l -> l.matches("[\\d,]+ rows, .*"));
			assertThat(crashing.exitValue()).as("killed by SIGKILL").isEqualTo(137);

			assertThat(fingerprint(reader.get())).as("the store exactly as before the import killed %d ms after its report",
					delay).isEqualTo(before);
		}

		long t2 = System.nanoTime();
		Result rerun = run(store, "import", "--format", "acled", big.toString());
		System.out.printf("crash during import: first import %d ms, crash %d ms, re-run %d ms%n", (t1 - t0) / 1_000_000,
				(t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
		assertThat(rerun.exit()).as(rerun.err()).isZero();
		assertThat(rerun.out()).contains(String.format(java.util.Locale.ROOT, "%,d rows in", ROWS))
			.contains(String.format(java.util.Locale.ROOT, "%,d new, 0 updated", ROWS));
	}

	/**
	 * Every event's id, version, update time and title, every version row and actor row, and the data
	 * version. The counts are of the rows read, not {@code SELECT count(*)}: H2 2.4.240 answers a bare
	 * count(*) from its table's row counter, which was once seen one above the rows right after it had
	 * rolled a killed import back (1,001 counted, the same 1,000 rows read); no read of the service counts
	 * without a WHERE, so none shows it.
	 */
	private static String fingerprint(DataSource ds) throws Exception {
		var jdbc = JdbcClient.create(ds);
		var sha = MessageDigest.getInstance("SHA-256");
		var counts = new ArrayList<String>();
		for (String sql : List.of("SELECT id || '|' || version || '|' || updated_at || '|' || title FROM events ORDER BY id",
				"SELECT event_id || '|' || version FROM event_versions ORDER BY event_id, version",
				"SELECT event_id || '|' || actor_key || '|' || actor FROM event_actors ORDER BY event_id, actor_key",
				"SELECT version || '|' || max_span_days || '|' || changed_at FROM data_version")) {
			List<Object> rows = jdbc.sql(sql).query().singleColumn();
			for (Object row : rows) {
				sha.update(String.valueOf(row).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			}
			counts.add(String.valueOf(rows.size()));
		}
		return counts.get(0) + " events, " + counts.get(1) + " versions, " + counts.get(2) + " actor rows, "
				+ HexFormat.of().formatHex(sha.digest());
	}

	private record Result(int exit, String out, String err) {
	}

	/** The import command run in this JVM (only the one to be killed needs a process of its own). */
	private static Result run(List<String> store, String... command) {
		var args = new ArrayList<>(List.of(command));
		args.addAll(store);
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			int exit = ImportCommand.run(args.toArray(String[]::new));
			return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	/** The command as a user runs it: its own JVM, the application's main class, the test's class path. */
	private Process start(List<String> store, String... command) throws IOException {

		var args = new ArrayList<String>();
		args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		args.add("-cp");
		args.add(System.getProperty("java.class.path"));
		args.add("org.conflictmap.ConflictMapApplication");
		args.addAll(List.of(command));
		args.addAll(store);
		// its log is not read: discarded, so a full pipe never stalls it before the kill
		return new ProcessBuilder(args).directory(new File(System.getProperty("user.dir")))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

}
