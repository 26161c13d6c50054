package org.conflictmap.security;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.system.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in: the editor asks before it offers to write. */
@RestController
class CuratorController {

	@GetMapping("/api/curator/me")
	Map<String, Object> me(Principal principal, HttpServletRequest request) {
		Parameters.requireOnly(request.getParameterMap(), Set.of());
		return Map.of("username", principal.getName(), "role", CuratorAccounts.ROLE.toLowerCase(java.util.Locale.ROOT));
	}

}
