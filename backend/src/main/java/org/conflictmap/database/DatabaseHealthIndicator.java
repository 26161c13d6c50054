package org.conflictmap.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database as readiness sees it ({@code /actuator/health/readiness}): down at once while
 * {@link DatabaseOutage} holds it for out of reach, otherwise whether the pool gives a working connection.
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

	private final DataSource dataSource;

	private final DatabaseOutage outage;

	DatabaseHealthIndicator(DataSource dataSource, DatabaseOutage outage) {
		this.dataSource = dataSource;
		this.outage = outage;
	}

	@Override
	public Health health() {
		if (outage.isDown()) {
			return Health.down().withDetail("reason", "database out of reach").build();
		}
		try (Connection c = dataSource.getConnection()) {
			return c.isValid(2) ? Health.up().build() : Health.down().withDetail("reason", "connection not valid").build();
		}
		catch (SQLException | RuntimeException ex) {
			return Health.down().withDetail("reason", ex.getMessage()).build();
		}
	}

}
