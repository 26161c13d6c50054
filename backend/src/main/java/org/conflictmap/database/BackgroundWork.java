package org.conflictmap.database;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The service's background work, on executors Spring starts and stops with it (the README's caching
 * section names each, with the figure that keeps it).
 */
@Configuration(proxyBeanMethods = false)
class BackgroundWork {

	/**
	 * Statements a read runs beside its own on a connection of their own (the stats' actor count, their
	 * costliest): up to 8 at once; when all are busy, the caller runs its statement itself.
	 */
	@Bean
	ThreadPoolTaskExecutor sideQueries() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(8);
		executor.setMaxPoolSize(8);
		executor.setQueueCapacity(0);
		executor.setAllowCoreThreadTimeOut(true);
		executor.setKeepAliveSeconds(30);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		executor.setThreadNamePrefix("side-query-");
		return executor;
	}

	/**
	 * A large import's COPY of one batch, sent while the importer reads the next (two cores: one parses,
	 * one waits on the database): a thread per import, two imports at once; a third import's batches are
	 * sent by its own thread in turn, as on H2.
	 */
	@Bean
	ThreadPoolTaskExecutor importCopies() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(0);
		executor.setAllowCoreThreadTimeOut(true);
		executor.setKeepAliveSeconds(30);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		executor.setThreadNamePrefix("import-copy-");
		return executor;
	}

}
