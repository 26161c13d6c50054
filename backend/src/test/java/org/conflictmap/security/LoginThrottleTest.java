package org.conflictmap.security;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/** Password guessing is cut off after five failures (its own application: the block holds for 15 minutes). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/throttle-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class LoginThrottleTest {

	@LocalServerPort
	int port;

	@Test
	void afterFiveFailedLoginsTheNextAttemptsAre429WithRetryAfter() {
		for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
			assertThat(me(basic("admin", "guess-" + i)).status()).isEqualTo(401);
		}

		Exchange sixth = me(basic("admin", "guess-6"));
		Exchange right = me(basic("admin", "a-long-admin-password"));

		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 900);
		assertThat(right.status()).as("the block holds even for the right password").isEqualTo(429);
		assertThat(HttpJson.send("GET", "http://localhost:" + port + "/api/events").status())
			.as("reading needs no login and is never throttled").isEqualTo(200);
	}

	private Exchange me(String authorization) {
		return HttpJson.send("GET", "http://localhost:" + port + "/api/curator/me", "Authorization", authorization);
	}

}
