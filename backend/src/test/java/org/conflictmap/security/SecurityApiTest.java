package org.conflictmap.security;

import org.conflictmap.support.HttpJson;
import org.conflictmap.support.HttpJson.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/** Reads are public, writes need a curator; every response carries the security headers; CORS is read-only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "conflictmap.data-dir=backend/target/test-data/security-${random.uuid}",
				"CONFLICTMAP_ADMIN_PASSWORD=a-long-admin-password" })
class SecurityApiTest {

	private static final String EVENT = "/api/events/2024-12-05-rebels-say-they-are-entering-hama";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWriteWithoutLoginIsA401ProblemAndChangesNothing() {
		Exchange delete = send("DELETE", EVENT);
		Exchange post = send("POST", "/api/events");
		Exchange put = send("PUT", EVENT, "If-Match", "\"1\"");
		Exchange restore = send("POST", EVENT + "/restore?version=1");
		Exchange drafts = send("GET", "/api/curator/events");

		assertThat(delete.status()).isEqualTo(401);
		assertThat(delete.header("Content-Type")).startsWith("application/problem+json");
		assertThat(delete.header("WWW-Authenticate")).startsWith("Basic realm=\"conflict-map\"");
		assertThat(delete.json().get("detail").asString()).contains("curator login");
		assertThat(post.status()).isEqualTo(401);
		assertThat(put.status()).isEqualTo(401);
		assertThat(restore.status()).isEqualTo(401);
		assertThat(drafts.status()).isEqualTo(401);
		assertThat(send("GET", EVENT + "/history").json().get("versions")).as("one version: nothing was written")
			.hasSize(1);
		assertThat(send("GET", EVENT).status()).as("the event is still there").isEqualTo(200);
	}

	@Test
	void theFirstCuratorIsAdminWithTheConfiguredPasswordHashedByBcrypt() {
		Exchange anonymous = send("GET", "/api/curator/me");
		Exchange admin = send("GET", "/api/curator/me", "Authorization", basic("admin", "a-long-admin-password"));
		Exchange wrong = send("GET", "/api/curator/me", "Authorization", basic("admin", "not-the-password"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.json().get("username").asString()).isEqualTo("admin");
		assertThat(wrong.status()).isEqualTo(401);
		String hash = jdbc.sql("SELECT password_hash FROM curators WHERE username = 'admin'").query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a-long-admin-password");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/events", "/api/frontlines/dates", "/ogcapi?f=html", "/no-such-page", "/login" })
	void everyResponseCarriesTheSecurityHeaders(String path) {
		Exchange r = send("GET", path);

		String csp = r.header("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void theEditorLeadsToTheLoginFormAndTheEditorsOwnRequestsGetNoPasswordDialog() {
		Exchange editor = send("GET", "/editor");
		Exchange fetch = send("GET", "/api/curator/me", "X-Requested-With", "fetch");

		assertThat(editor.status()).isEqualTo(302);
		assertThat(editor.header("Location")).endsWith("/login");
		assertThat(fetch.status()).isEqualTo(401);
		assertThat(fetch.header("WWW-Authenticate")).as("no browser password prompt over the editor").isNull();
	}

	@Test
	void forwardedHeadersAreNotTrustedUnlessConfigured() {
		Exchange spoofed = send("GET", "/editor", "X-Forwarded-Proto", "https");

		assertThat(spoofed.header("Location")).startsWith("http://");
		assertThat(spoofed.header("Set-Cookie")).contains("JSESSIONID").doesNotContain("Secure");
	}

	@Test
	void otherSitesMayReadButNotWrite() {
		Exchange read = send("GET", "/api/events", "Origin", "https://newsroom.example");
		Exchange preflight = send("OPTIONS", "/api/events", "Origin", "https://newsroom.example",
				"Access-Control-Request-Method", "DELETE");

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("https://newsroom.example");
		assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag");
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void readingStaysCacheableWhereTheApiSaysSo() {
		Exchange labels = send("GET", "/api/basemap/labels");

		assertThat(labels.header("Cache-Control")).as("security does not overwrite the API's caching")
			.contains("max-age=86400").doesNotContain("no-store");
	}

	private Exchange send(String method, String path, String... headers) {
		return HttpJson.send(method, "http://localhost:" + port + path, headers);
	}

}
