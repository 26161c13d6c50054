package org.conflictmap.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.conflictmap.ConflictMapApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar conflict-map.jar add-curator NAME [options]}: adds a curator to the configured store.
 * The password comes from {@code CONFLICTMAP_CURATOR_PASSWORD}, or is asked for twice on a terminal, or is
 * the first line of standard input.
 */
public final class CuratorCommand {

	public static final String NAME = "add-curator";

	private CuratorCommand() {
	}

	/** Runs the command; returns the process's exit status (0 done, 2 refused). */
	public static int run(String[] args) throws IOException {
		if (args.length < 2 || args[1].startsWith("--")) {
			System.err.println("usage: java -jar conflict-map.jar add-curator NAME [--spring.profiles.active=postgis]");
			return 2;
		}
		String name = args[1];
		String password = password();
		if (password == null) {
			System.err.println(NAME + ": no password given (CONFLICTMAP_CURATOR_PASSWORD, a terminal, or standard input)");
			return 2;
		}
		// as arguments, not default properties, which application.yml would outrank
		var options = new java.util.ArrayList<>(
				java.util.List.of("--conflictmap.import-seeds-on-start=false", "--spring.main.banner-mode=off"));
		options.addAll(Arrays.asList(args).subList(2, args.length));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConflictMapApplication.class)
			.web(WebApplicationType.NONE)
			.run(options.toArray(String[]::new))) {
			context.getBean(CuratorAccounts.class).add(name, password);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(NAME + ": " + ex.getMessage());
			return 2;
		}
		System.out.println("Added curator '" + name + "'.");
		return 0;
	}

	private static String password() throws IOException {
		String fromEnv = System.getenv("CONFLICTMAP_CURATOR_PASSWORD");
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv;
		}
		Console console = System.console();
		if (console != null) {
			char[] first = console.readPassword("Password for the new curator: ");
			char[] second = console.readPassword("Once more: ");
			if (first == null || !Arrays.equals(first, second)) {
				System.err.println(NAME + ": the two passwords differ");
				return null;
			}
			return new String(first);
		}
		var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		return in.readLine();
	}

}
