package org.conflictmap;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped command is refused with what the commands are, instead of starting the service. */
class CommandLineTest {

	@Test
	void aWordThatIsNoCommandIsRefusedAndOptionsAloneRunTheService() {
		PrintStream stderr = System.err;
		var err = new ByteArrayOutputStream();
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertThat(ConflictMapApplication.refuseUnknownCommand(new String[] { "generate", "--events", "10" })).isEqualTo(2);
			assertThat(ConflictMapApplication.refuseUnknownCommand(new String[] { "--server.port=0" })).isZero();
			assertThat(ConflictMapApplication.refuseUnknownCommand(new String[0])).isZero();
			assertThat(ConflictMapApplication.refuseUnknownCommand(new String[] { "generate-acled", "--events", "10" })).isZero();
			assertThat(ConflictMapApplication.refuseUnknownCommand(new String[] { "import", "--format", "acled" })).isZero();
		}
		finally {
			System.setErr(stderr);
		}
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
				"unknown command 'generate'; the commands are add-curator, import and generate-acled (with no command, and"
						+ " --name=value options only, the service runs)" + System.lineSeparator());
	}

}
