package org.conflictmap.bulk;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate-acled} then {@code import --format acled}, run in-process as a user types them, on
 * the embedded store: the summary, the exit status, and a refused file leaving the store as it was.
 */
class ImportCommandTest {

	private final PrintStream stdout = System.out;

	private final PrintStream stderr = System.err;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path dir;

	@BeforeEach
	void capture() {
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(stdout);
		System.setErr(stderr);
	}

	@Test
	void generatedFileImportsOnceAndABrokenOneIsRefusedWithItsLine() throws Exception {
		Path file = dir.resolve("syria.csv");
		Path again = dir.resolve("again.csv");
		assertThat(GenerateCommand.run(new String[] { GenerateCommand.NAME, "--events", "1500", "--seed", "9", "--out",
				file.toString() })).isZero();
		assertThat(GenerateCommand.run(new String[] { GenerateCommand.NAME, "--events", "1500", "--seed", "9", "--out",
				again.toString() })).isZero();
		assertThat(Files.readAllBytes(again)).as("the same seed writes the same bytes").isEqualTo(Files.readAllBytes(file));
		assertThat(Files.readAllLines(file)).hasSize(1501);

		String dataDir = "--conflictmap.data-dir=" + dir.resolve("data");
		assertThat(run("import", "--format", "acled", file.toString(), dataDir)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(file + ": 1,500 rows in").contains("1,500 new, 0 updated");

		Path broken = dir.resolve("broken.csv");
		// new ids throughout, so the rows before the bad one would be new events if any were kept
		var lines = new java.util.ArrayList<>(Files.readAllLines(file).stream().map(l -> l.replaceFirst("^SYR", "SYRB")).toList());
		lines.set(1200, lines.get(1200).replaceFirst(",760,", ",7600,"));
		Files.write(broken, lines);
		out.reset();

		assertThat(run("import", "--format", "acled", broken.toString(), dataDir)).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("import: " + broken + ":1201:14: column 'iso': '7600' is outside 0..999")
			.contains("import: nothing of " + broken + " was stored");
		out.reset();
		assertThat(run("import", "--format", "seeds", "seeds", dataDir)).isZero();
		String seedsLine = out.toString(StandardCharsets.UTF_8);
		assertThat(seedsLine).as("the earlier commands imported no seeds").matches("seeds: [1-9]\\d* new, 0 updated, 0 unchanged\\R");
		assertThat(run("import", "--format", "gdelt", file.toString())).as("a usage error").isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("import: format 'gdelt' is not one of [acled, ucdp]");

		var jdbc = JdbcClient.create(new DriverManagerDataSource(
				"jdbc:h2:file:" + dir.resolve("data").toAbsolutePath().resolve("conflictmap"), "sa", ""));
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE origin = 'acled'").query(Long.class).single())
			.as("the refused file added nothing, not even its rows before line 1201")
			.isEqualTo(1500);
		assertThat(jdbc.sql("SELECT count(*) FROM events WHERE origin = 'seed'").query(Long.class).single())
			.as("seeds only when asked for").isEqualTo(Long.parseLong(seedsLine.replaceAll("^seeds: (\\d+) new.*\\R", "$1")));
	}

	private static int run(String... args) {
		return ImportCommand.run(args);
	}

}
