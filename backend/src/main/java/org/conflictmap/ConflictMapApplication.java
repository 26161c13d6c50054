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
	 * {@code generate-acled --events N} writes synthetic ACLED data and exits.
	 */
	public static void main(String[] args) throws java.io.IOException {
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

}
