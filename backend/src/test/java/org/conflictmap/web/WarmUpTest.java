package org.conflictmap.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.conflictmap.bulk.BulkFormat;
import org.conflictmap.bulk.BulkImporter;
import org.conflictmap.bulk.SyntheticAcled;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.support.HttpJson;
import org.conflictmap.support.SqlRecorder;
import org.conflictmap.system.WarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service warms up by itself ({@link WarmUp}): after an import it ran, the whole store's stats (the
 * map's first read) are worked out before anyone asks, so the first visitor's request is answered from
 * the response cache without a query of its own. Statements are seen through {@link SqlRecorder}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/warm-up-${random.uuid}")
@Import(SqlRecorder.Config.class)
class WarmUpTest {

	/** In the stats' query by claim status (EventSql.COUNT_BY_CLAIM_STATUS), and in no other. */
	private static final String STATS_QUERY = "GROUP BY claim_status";

	@LocalServerPort
	int port;

	@Autowired
	BulkImporter importer;

	@Test
	void afterAnImportTheMapsFirstReadIsAnsweredWithoutAQueryOfItsOwn() throws Exception {
		waitForStatsQueriesAbove(0); // the warm-up at the start asks once
		int before = statsQueries();

		var csv = new ByteArrayOutputStream();
		new SyntheticAcled(Gazetteer.loadDefault(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).write(csv, 300, 7);
		var report = importer.importCsv(new ByteArrayInputStream(csv.toByteArray()), csv.size(), "warm-up.csv",
				BulkFormat.ACLED, "test", BulkImporter.Progress.NONE);
		assertThat(report.inserted()).isEqualTo(300);
		waitForStatsQueriesAbove(before); // the warm-up after the import asks again
		int warmed = statsQueries();

		var first = HttpJson.send("GET", url("/api/stats"), "Accept", WarmUp.MAP_ACCEPT);
		assertThat(first.status()).isEqualTo(200);
		long published = HttpJson.get(url("/api/events?limit=1")).body().get("numberMatched").asLong();
		assertThat(first.json().get("total").asLong()).as("the answer counts the imported events")
			.isEqualTo(published)
			.isGreaterThanOrEqualTo(300);
		assertThat(statsQueries()).as("the first visitor's stats came from the warm-up's answer").isEqualTo(warmed);

		// asked otherwise than the map asks, the same read runs its queries: the count above can move
		assertThat(HttpJson.send("GET", url("/api/stats"), "Accept", "application/json").status()).isEqualTo(200);
		assertThat(statsQueries()).isGreaterThan(warmed);
	}

	private static int statsQueries() {
		return SqlRecorder.sent(STATS_QUERY);
	}

	private static void waitForStatsQueriesAbove(int count) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (statsQueries() <= count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(statsQueries()).as("the warm-up asked for the stats").isGreaterThan(count);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
