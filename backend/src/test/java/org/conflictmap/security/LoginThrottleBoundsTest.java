package org.conflictmap.security;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.support.HttpJson.basic;

/**
 * The login throttle's tables stay bounded whatever names and addresses guessing comes from, and the CSRF
 * exemption covers only requests that carry the credentials the service checks (HTTP Basic).
 */
class LoginThrottleBoundsTest {

	@Test
	void guessesUnderManyNamesFromManyAddressesKeepTheTablesWithinTheirBound() throws Exception {
		var throttle = new LoginThrottle(Clock.systemUTC(), 50);

		for (int i = 0; i < 2_000; i++) {
			var request = new MockHttpServletRequest("GET", "/api/curator/me");
			request.setRemoteAddr("10.0." + (i / 250) + "." + (i % 250));
			request.addHeader("Authorization", basic("name-" + i, "guess"));
			var response = new MockHttpServletResponse();
			throttle.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
				@Override
				protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
					res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				}
			}));
			assertThat(response.getStatus()).isEqualTo(401);
		}

		assertThat(throttle.tracked()).as("two failure tables and the trusted pairs, 50 each at most").isLessThanOrEqualTo(150);
	}

	@Test
	void onlyHttpBasicCredentialsExemptASessionWriteFromTheCsrfToken() {
		var bearer = new MockHttpServletRequest("DELETE", "/api/events/x");
		bearer.addHeader("Authorization", "Bearer x");
		bearer.getSession(true);
		var basic = new MockHttpServletRequest("DELETE", "/api/events/x");
		basic.addHeader("Authorization", basic("admin", "a-long-admin-password"));
		basic.getSession(true);
		var noSession = new MockHttpServletRequest("DELETE", "/api/events/x");

		assertThat(SecurityConfig.needsCsrfToken(bearer)).as("Bearer authenticates nothing here").isTrue();
		assertThat(SecurityConfig.needsCsrfToken(basic)).isFalse();
		assertThat(SecurityConfig.needsCsrfToken(noSession)).isFalse();
	}

}
