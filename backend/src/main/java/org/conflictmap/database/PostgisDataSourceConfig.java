package org.conflictmap.database;

import com.zaxxer.hikari.HikariConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The pool on the {@code postgis} profile: HikariCP as Spring Boot would make it (the usual
 * {@code spring.datasource.*} and {@code spring.datasource.hikari.*} settings), inside a
 * {@link ReconnectingDataSource} so that the service answers again as soon as the database is back.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgis")
class PostgisDataSourceConfig {

	@Bean
	ReconnectingDataSource dataSource(DataSourceProperties properties, Environment environment) {
		var config = new HikariConfig();
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
		config.setJdbcUrl(properties.determineUrl());
		config.setUsername(properties.determineUsername());
		config.setPassword(properties.determinePassword());
		if (config.getPoolName() == null) {
			config.setPoolName("conflictmap-pg");
		}
		return new ReconnectingDataSource(config);
	}

}
