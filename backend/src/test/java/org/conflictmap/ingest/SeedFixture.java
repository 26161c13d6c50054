package org.conflictmap.ingest;

import javax.sql.DataSource;

import org.conflictmap.event.EventQuery;
import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.NewsGeocoder;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geocode.EventGeocoder;
import org.conflictmap.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A seed importer over a fresh H2GIS store and the shipped gazetteer: the real parts, wired by hand. */
public final class SeedFixture {

	private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

	public final EventRepository repository;

	public final SeedImporter importer;

	public final JdbcClient jdbc;

	public SeedFixture() {
		DataSource ds = TestDatabases.h2();
		jdbc = JdbcClient.create(ds);
		repository = new EventRepository(jdbc);
		importer = new SeedImporter(repository, new EventGeocoder(GAZETTEER, new NewsGeocoder(GAZETTEER)),
				new TransactionTemplate(new DataSourceTransactionManager(ds)));
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
