package org.conflictmap.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The zero-set-up store: H2 + H2GIS in {@code <conflictmap.data-dir>/conflictmap.mv.db}, created on first
 * start and kept across restarts. Not used on the {@code postgis} profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!postgis")
class EmbeddedDatabaseConfig {

	@Bean
	DataSource dataSource(@Value("${conflictmap.data-dir}") Path dataDir) throws IOException {
		Path dir = Files.createDirectories(dataDir.toAbsolutePath().normalize());
		var ds = new HikariDataSource();
		// H2 refuses paths "implicitly relative" to the working directory, hence the absolute path.
		ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve("conflictmap") + ";DB_CLOSE_ON_EXIT=FALSE");
		ds.setUsername("sa");
		ds.setPassword("");
		ds.setPoolName("conflictmap-h2");
		return ds;
	}

}
