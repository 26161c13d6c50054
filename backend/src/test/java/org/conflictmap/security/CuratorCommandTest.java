package org.conflictmap.security;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar conflict-map.jar add-curator NAME}, run in-process with the password on standard input. */
class CuratorCommandTest {

	private final InputStream stdin = System.in;

	private final Path dataDir = Path.of("backend/target/test-data/cli-" + UUID.randomUUID());

	@AfterEach
	void restoreStdin() {
		System.setIn(stdin);
	}

	@Test
	void addsACuratorWhoseHashIsBcryptAndRefusesAShortPasswordOrATakenName() throws Exception {
		assertThat(run("editor", "a-long-enough-password")).isZero();
		assertThat(run("short", "too-short")).isEqualTo(2);
		assertThat(run("editor", "another-long-password")).as("the name is taken").isEqualTo(2);

		var jdbc = JdbcClient.create(new DriverManagerDataSource(
				"jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("conflictmap"), "sa", ""));
		assertThat(jdbc.sql("SELECT username FROM curators ORDER BY username").query(String.class).list())
			.as("the first start also made admin").containsExactly("admin", "editor");
		assertThat(jdbc.sql("SELECT password_hash FROM curators WHERE username = 'editor'").query(String.class).single())
			.startsWith("{bcrypt}$2");
	}

	private int run(String name, String password) throws Exception {
		System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
		return CuratorCommand.run(new String[] { CuratorCommand.NAME, name, "--conflictmap.data-dir=" + dataDir });
	}

}
