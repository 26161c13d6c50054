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
	 * The territory of the day after a slider's step, derived before it is asked: one at a time, none
	 * waiting (a slider asks for one day per step; a refused one is simply not derived ahead).
	 */
	@Bean
	ThreadPoolTaskExecutor territoryAhead() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(0);
		executor.setThreadNamePrefix("territory-ahead-");
		return executor;
	}

}
