package org.conflictmap.territory;

import java.nio.file.Path;
import java.time.LocalDate;

import org.conflictmap.event.EventRepository;
import org.conflictmap.ingest.SeedFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.TestEvents.event;

/** The days kept: bounded whatever a client asks, and a write is in the next answer. */
class TerritoryDaysTest {

	private EventRepository repository;

	private TerritoryService frontlines;

	@BeforeEach
	void seededStore() {
		var seeded = new SeedFixture().importAll(Path.of("seeds"));
		repository = seeded.repository;
		frontlines = new TerritoryService(repository, seeded.assessmentStore, SeedFixture.gazetteer());
	}

	@Test
	void asManyDistinctDaysAsAClientLikesKeepNoMoreThanTheBoundAndAnEvictedDayComesBackTheSame() {
		LocalDate first = LocalDate.of(2024, 1, 1);
		String firstDay = new String(frontlines.on(first).body());

		for (int i = 0; i < TerritoryService.MAX_DAYS + 20; i++) {
			frontlines.on(first.plusDays(i + 1L));
		}

		assertThat(frontlines.keptDays()).isLessThanOrEqualTo(TerritoryService.MAX_DAYS);
		assertThat(new String(frontlines.on(first).body())).isEqualTo(firstDay);
	}

	@Test
	void daysBetweenTwoChangesShareOneDerivationAndEachSaysItsOwnDate() {
		LocalDate last = frontlines.dates().get(frontlines.dates().size() - 1);
		String first = new String(frontlines.on(last).body());

		for (int i = 1; i <= 30; i++) {
			String body = new String(frontlines.on(last.plusDays(i)).body());
			assertThat(body).contains("\"date\":\"" + last.plusDays(i) + "\"")
				.isEqualTo(first.replace("\"date\":\"" + last + "\"", "\"date\":\"" + last.plusDays(i) + "\""));
		}

		assertThat(frontlines.keptDays()).as("one derivation for the 31 days after the last change").isEqualTo(1);
		assertThat(frontlines.on(last.plusDays(3)).etag()).isNotEqualTo(frontlines.on(last.plusDays(4)).etag());
	}

	@Test
	void aWriteIsInTheNextAnswerForADayAlreadyKept() {
		LocalDate day = LocalDate.parse("2024-12-05");
		assertThat(new String(frontlines.on(day).body())).doesNotContain("deir-ez-zor-taken");

		repository.insert(event("deir-ez-zor-taken", "2024-12-05", "2024-12-05", new double[] { 40.14, 35.33 }),
				"seed", "h", "test");

		assertThat(new String(frontlines.on(day).body())).contains("deir-ez-zor-taken");
	}

}
