package org.conflictmap.web;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy ({@code server.forward-headers-strategy=native}, as the README says to
 * set), the session cookie is marked Secure when the proxy says the client spoke HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/proxy-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password", "server.forward-headers-strategy=native" })
class BehindProxyTest {

	@LocalServerPort
	int port;

	@Test
	void theSessionCookieIsSecureWhenTheProxySaysHttps() {
		Exchange https = HttpJson.send("GET", "http://localhost:" + port + "/editor", "X-Forwarded-Proto", "https");
		Exchange http = HttpJson.send("GET", "http://localhost:" + port + "/editor");

		assertThat(https.status()).isEqualTo(302);
		assertThat(https.header("Location")).startsWith("https://");
		assertThat(https.header("Set-Cookie")).contains("JSESSIONID").contains("Secure").contains("HttpOnly");
		assertThat(http.header("Set-Cookie")).contains("JSESSIONID").doesNotContain("Secure");
	}

}
