package org.conflictmap.territory;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports the territory seeds when the service starts, after the events' (an assessment's evidence names
 * events). A mistake stops the start with every problem listed.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "conflictmap.import-seeds-on-start", havingValue = "true", matchIfMissing = true)
class AssessmentSeedRunner implements ApplicationRunner {

	private final AssessmentSeeds seeds;

	private final Path seedsDir;

	AssessmentSeedRunner(AssessmentSeeds seeds, @Value("${conflictmap.seeds-dir}") Path seedsDir) {
		this.seeds = seeds;
		this.seedsDir = seedsDir;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (Files.isDirectory(seedsDir)) {
			seeds.importDirectory(seedsDir);
		}
	}

}
