package org.conflictmap.frontline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.ingest.SeedFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.TestEvents.event;

/**
 * Days a slider is about to ask for are derived ahead: what it then gets is the day itself, as a service
 * that never read ahead derives it, and a write made meanwhile is in it.
 */
class FrontlineAheadTest {

	@Test
	void theDaysWarmedUpAfterAnImportAreTheDaysThemselvesAndSeeAWriteMadeAfter() throws InterruptedException {
		var seeded = new SeedFixture();
		seeded.importer.importDirectory(Path.of("seeds"));
		var repository = seeded.repository;
		Gazetteer gazetteer = SeedFixture.gazetteer();
		var warmed = new FrontlineService(repository, gazetteer, Path.of("seeds"));
		var direct = new FrontlineService(repository, gazetteer, Path.of("seeds"));
		List<LocalDate> days = direct.dates();
		LocalDate first = days.get(0);
		LocalDate last = days.get(days.size() - 1);

		warmed.warmUp();
		Thread.sleep(1_000);
		assertThat(new String(warmed.on(last).body())).isEqualTo(new String(direct.on(last).body()));
		assertThat(new String(warmed.on(first).body())).isEqualTo(new String(direct.on(first).body()));

		warmed.warmUp(); // and at once a write that changes the last day
		repository.insert(event("deir-ez-zor-taken", last.toString(), last.toString(), new double[] { 40.14, 35.33 }),
				"seed", "h", "test");
		assertThat(new String(warmed.on(last).body())).contains("deir-ez-zor-taken")
			.isEqualTo(new String(direct.on(last).body()));
	}

	@Test
	void theDayAfterASlidersStepIsTheDayItselfAndSeesAWriteMadeMeanwhile() throws InterruptedException {
		var seeded = new SeedFixture();
		seeded.importer.importDirectory(Path.of("seeds"));
		var repository = seeded.repository;
		Gazetteer gazetteer = SeedFixture.gazetteer();
		var slider = new FrontlineService(repository, gazetteer, Path.of("seeds"));
		var direct = new FrontlineService(repository, gazetteer, Path.of("seeds"));

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
