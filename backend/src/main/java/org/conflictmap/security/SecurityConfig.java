package org.conflictmap.security;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may do what: everyone reads, curators write (HTTP Basic for the API). Every response carries a
 * Content-Security-Policy without inline script, nosniff, a referrer policy and frame-ancestors 'none';
 * other sites may read (CORS for GET and HEAD only). Refusals are problem+json like every other error.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

	static final String REALM = "conflict-map";

	/** The accounts' own encoder, so hashes written by the CLI and the server check alike. */
	@Bean
	PasswordEncoder passwordEncoder(CuratorAccounts accounts) {
		return accounts.encoder();
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, @Value("${conflictmap.map.tiles-url:}") String tilesUrl)
			throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			Problems.write(response, 401, "Login required",
					"this needs a curator login (HTTP Basic); reading needs none");
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> Problems.write(response, 403, "Forbidden",
				"refused: " + ex.getMessage());
		http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/api/curator/**")
			.hasRole(CuratorAccounts.ROLE)
			.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.OPTIONS, "/**")
			.permitAll()
			.anyRequest()
			.hasRole(CuratorAccounts.ROLE))
			.httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(unauthorized))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
			.cors(Customizer.withDefaults())
			.headers(h -> h.cacheControl(c -> c.disable()) // the API sets its own (ETags, revalidation)
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tilesUrl)))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(f -> f.deny()))
			.addFilterBefore(new LoginThrottle(Clock.systemUTC()), BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * A forged request rides on credentials the browser adds by itself: a session cookie. A write that
	 * carries its own Authorization header, or comes with no session at all, has none to ride on (and an
	 * anonymous one is refused with 401 anyway). The login form is always protected.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method)) {
			return false;
		}
		if ("/login".equals(request.getServletPath())) {
			return true;
		}
		return request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null;
	}

	/** Other sites' pages may read the data (GET, HEAD); nothing else crosses origins. */
	@Bean
	CorsConfigurationSource corsConfigurationSource(
			@Value("${conflictmap.cors.allowed-origins:*}") List<String> allowedOrigins) {
		var config = new CorsConfiguration();
		config.setAllowedOriginPatterns(allowedOrigins);
		config.setAllowedMethods(List.of("GET", "HEAD"));
		config.setAllowedHeaders(List.of("Accept", "If-None-Match", "Content-Type"));
		config.setExposedHeaders(List.of("ETag", "Content-Disposition", "Link"));
		config.setMaxAge(3600L);
		var source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", config);
		return source;
	}

	/**
	 * Scripts, styles and data only from this origin; images also from the configured tile server. No
	 * inline script anywhere: the page is ES modules, and event text is set as text.
	 */
	static String contentSecurityPolicy(String tilesUrl) {
		String tiles = tileOrigin(tilesUrl);
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + (tiles == null ? "" : " " + tiles)
				+ "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors 'none'";
	}

	/** "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> "https://*.tile.example.org"; null when none. */
	static String tileOrigin(String tilesUrl) {
		Matcher m = Pattern.compile("^(https?://[^/?#]+)").matcher(tilesUrl == null ? "" : tilesUrl.strip());
		if (!m.find()) {
			return null;
		}
		return m.group(1).replaceAll("\\{[^}]*}", "*");
	}

}
