package org.conflictmap.ingest;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.NewsGeocoder;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geocode.EventGeocoder;
import org.conflictmap.map.MapRegion;
import org.conflictmap.support.TestDatabases;
import org.conflictmap.territory.AssessmentRepository;
import org.conflictmap.territory.AssessmentSeeds;
import org.conflictmap.territory.Assessments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A seed importer over a fresh H2GIS store and the shipped gazetteer: the real parts, wired by hand. */
public final class SeedFixture {

	private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

	public final EventRepository repository;

	public final SeedImporter importer;

	public final JdbcClient jdbc;

	/** The territory assessments of the same store. */
	public final AssessmentRepository assessmentStore;

	/** Writes of assessments, checked as the API checks them (the shipped seeds' sides, Syria's box). */
	public final Assessments assessments;

	/** The territory seeds' importer. */
	public final AssessmentSeeds territory;

	public SeedFixture() {
		DataSource ds = TestDatabases.h2();
		jdbc = JdbcClient.create(ds);
		repository = new EventRepository(jdbc);
		var transaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
		importer = new SeedImporter(repository, new EventGeocoder(GAZETTEER, new NewsGeocoder(GAZETTEER)), transaction);
		assessmentStore = new AssessmentRepository(jdbc);
		assessments = new Assessments(assessmentStore, repository, new Sides(Path.of("seeds")),
				new MapRegion("Syria", "35.5,32.3,42.4,37.4"), transaction);
		territory = new AssessmentSeeds(assessments, assessmentStore, transaction);
	}

	/** Imports a seeds directory whole: its events, then its territory assessments. */
	public SeedFixture importAll(Path seedsDir) {
		importer.importDirectory(seedsDir);
		territory.importDirectory(seedsDir);
		return this;
	}

	/** The shipped gazetteer, loaded once for every fixture. */
	public static Gazetteer gazetteer() {
		return GAZETTEER;
	}

	long storedEvents() {
		return jdbc.sql("SELECT count(*) FROM events").query(Long.class).single();
	}

	long storedVersions() {
		return jdbc.sql("SELECT count(*) FROM event_versions").query(Long.class).single();
	}

	long published() {
		return repository.count(EventQuery.all());
	}

}
