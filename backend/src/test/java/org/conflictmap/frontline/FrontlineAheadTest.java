package org.conflictmap.frontline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.ingest.SeedFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.TestEvents.event;

/**
 * Days derived ahead (the next day of a slider's step) and the days kept: what a reader then gets is the
 * day itself, as a service that never reads ahead derives it, and a write made meanwhile is in it.
 */
class FrontlineAheadTest {

	private EventRepository repository;

	/** One day ahead at a time, none waiting, as database/BackgroundWork makes it. */
	private org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor aheadExecutor;

	/** The service under test, which reads ahead. */
	private FrontlineService ahead;

	/** One on the same store that is only ever asked. */
	private FrontlineService direct;

	@BeforeEach
	void seededStoreAndTwoServices() {
		var seeded = new SeedFixture();
		seeded.importer.importDirectory(Path.of("seeds"));
		repository = seeded.repository;
		Gazetteer gazetteer = SeedFixture.gazetteer();
		aheadExecutor = new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor();
		aheadExecutor.setCorePoolSize(1);
		aheadExecutor.setMaxPoolSize(1);
		aheadExecutor.setQueueCapacity(0);
		aheadExecutor.initialize();
		ahead = new FrontlineService(repository, gazetteer, Path.of("seeds"), aheadExecutor);
		direct = new FrontlineService(repository, gazetteer, Path.of("seeds"));
	}

	@org.junit.jupiter.api.AfterEach
	void stopTheExecutor() {
		aheadExecutor.shutdown();
	}

	@Test
	void asManyDistinctDaysAsAClientLikesKeepNoMoreThanTheBoundAndAnEvictedDayComesBackTheSame() {
		LocalDate first = LocalDate.of(2024, 1, 1);
		String firstDay = new String(direct.on(first).body());

		for (int i = 0; i < FrontlineService.MAX_DAYS + 20; i++) {
			ahead.on(first.plusDays(2L * i)); // never a slider's step, so nothing is derived ahead
		}

		assertThat(ahead.keptDays()).isLessThanOrEqualTo(FrontlineService.MAX_DAYS);
		assertThat(new String(ahead.on(first).body())).isEqualTo(firstDay);
	}

	@Test
	void theDayAfterASlidersStepIsTheDayItselfAndSeesAWriteMadeMeanwhile() throws InterruptedException {
		var slider = ahead;

		slider.on(LocalDate.parse("2024-12-01"));
		slider.on(LocalDate.parse("2024-12-02")); // a step forward: the 3rd is derived ahead
		Thread.sleep(500);
		assertThat(new String(slider.on(LocalDate.parse("2024-12-03")).body()))
			.isEqualTo(new String(direct.on(LocalDate.parse("2024-12-03")).body()));

		slider.on(LocalDate.parse("2024-12-04")); // the 5th ahead, then at once a write that changes it
		repository.insert(event("deir-ez-zor-taken", "2024-12-05", "2024-12-05", new double[] { 40.14, 35.33 }),
				"seed", "h", "test");
		assertThat(new String(slider.on(LocalDate.parse("2024-12-05")).body())).contains("deir-ez-zor-taken")
			.isEqualTo(new String(direct.on(LocalDate.parse("2024-12-05")).body()));
	}

}
