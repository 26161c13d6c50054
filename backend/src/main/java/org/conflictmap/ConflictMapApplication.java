package org.conflictmap;

import org.conflictmap.bulk.GenerateCommand;
import org.conflictmap.bulk.ImportCommand;
import org.conflictmap.security.CuratorCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The conflict-map service: curated events in, GeoJSON and the map out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConflictMapApplication {

	/**
	 * Runs the service; with {@code add-curator NAME} adds a curator and exits, with
	 * {@code import --format ... FILE...} imports files and exits, with
	 * {@code generate-acled --events N} writes synthetic ACLED data and exits. Any other first word is
	 * refused (exit status 2): a mistyped command must not start the service instead.
	 */
	public static void main(String[] args) throws java.io.IOException {
		int refused = refuseUnknownCommand(args);
		if (refused != 0) {
			System.exit(refused);
		}
		if (args.length > 0 && CuratorCommand.NAME.equals(args[0])) {
			System.exit(CuratorCommand.run(args));
		}
		if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
			System.exit(ImportCommand.run(args));
		}
		if (args.length > 0 && GenerateCommand.NAME.equals(args[0])) {
			System.exit(GenerateCommand.run(args));
		}
		SpringApplication.run(ConflictMapApplication.class, args);
	}

	/** 2, after saying so, when the first argument is a word but not one of the commands; else 0. */
	static int refuseUnknownCommand(String[] args) {
		if (args.length == 0 || args[0].startsWith("-") || java.util.List.of(CuratorCommand.NAME, ImportCommand.NAME,
				GenerateCommand.NAME).contains(args[0])) {
			return 0;
		}
		System.err.println("unknown command '" + args[0] + "'; the commands are " + CuratorCommand.NAME + ", "
				+ ImportCommand.NAME + " and " + GenerateCommand.NAME
				+ " (with no command, and --name=value options only, the service runs)");
		return 2;
	}

}
