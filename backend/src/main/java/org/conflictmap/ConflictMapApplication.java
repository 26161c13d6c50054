package org.conflictmap;

import org.conflictmap.security.CuratorCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The conflict-map service: curated events in, GeoJSON and the map out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConflictMapApplication {

	/** Runs the service, or with {@code add-curator NAME} adds a curator and exits. */
	public static void main(String[] args) throws java.io.IOException {
		if (args.length > 0 && CuratorCommand.NAME.equals(args[0])) {
			System.exit(CuratorCommand.run(args));
		}
		SpringApplication.run(ConflictMapApplication.class, args);
	}

}
