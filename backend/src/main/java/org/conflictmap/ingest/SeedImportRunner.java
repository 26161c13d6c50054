package org.conflictmap.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports the seeds directory when the service starts. A seed file with an error stops the start with
 * every problem listed: serving a map that silently lacks events would be worse.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "conflictmap.import-seeds-on-start", havingValue = "true", matchIfMissing = true)
class SeedImportRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedImportRunner.class);

	private final SeedImporter importer;

	private final Path seedsDir;

	SeedImportRunner(SeedImporter importer, @Value("${conflictmap.seeds-dir}") Path seedsDir) {
		this.importer = importer;
		this.seedsDir = seedsDir;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!Files.isDirectory(seedsDir)) {
			log.warn("No seeds directory at {}; starting with what the database holds. Set conflictmap.seeds-dir "
					+ "to import curated events.", seedsDir.toAbsolutePath());
			return;
		}
		importer.importDirectory(seedsDir);
	}

}
