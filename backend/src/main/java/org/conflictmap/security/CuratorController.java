package org.conflictmap.security;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.Parameters;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, and the token a page sends with its form or its writes. */
@RestController
class CuratorController {

	@GetMapping("/api/curator/me")
	Map<String, Object> me(Principal principal, HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return Map.of("username", principal.getName(), "role", CuratorAccounts.ROLE.toLowerCase(Locale.ROOT));
	}

	/**
	 * The CSRF token of this browser session, for the login form and the editor (pages are static and
	 * scripts are never inline, so the token cannot be written into the page). Other sites cannot read it:
	 * CORS does not expose responses with credentials.
	 */
	@GetMapping("/api/csrf")
	ResponseEntity<Map<String, String>> csrf(CsrfToken token, HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("header_name", token.getHeaderName(), "parameter_name", token.getParameterName(), "token",
					token.getToken()));
	}

}
