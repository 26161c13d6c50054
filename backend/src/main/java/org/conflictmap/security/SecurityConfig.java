package org.conflictmap.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.database.DatabaseOutage;
import org.conflictmap.errors.ProblemResponses;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
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

	/** The login form (a static page; POST is Spring Security's form login). */
	static final String LOGIN_PAGE = "/login";

	/** Pages only curators open; without a session they lead to the login form. */
	static final Set<String> EDITOR_PAGES = Set.of("/editor", "/editor.html");

	/** The accounts' own encoder, so hashes written by the CLI and the server check alike. */
	@Bean
	PasswordEncoder passwordEncoder(CuratorAccounts accounts) {
		return accounts.encoder();
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, @Value("${conflictmap.map.tiles-url:}") String tilesUrl)
			throws Exception {
		AuthenticationEntryPoint loginForm = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			if (DatabaseOutage.isOutage(ex)) {
				// the login could not be checked: not the curator's mistake, and not a 401
				DatabaseOutage.answer(response);
				return;
			}
			if (isEditorPage(request.getServletPath())) {
				loginForm.commence(request, response, ex);
				return;
			}
			// the editor's own requests: a 401 it handles, not the browser's password dialog
			if (request.getHeader("X-Requested-With") == null) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			}
			ProblemResponses.write(response, 401, "Login required",
					"this needs a curator login (HTTP Basic, or the form at /login); reading needs none");
		};
		var throttle = new LoginThrottle(Clock.systemUTC());
		AccessDeniedHandler forbidden = (request, response, ex) -> ProblemResponses.write(response, 403, "Forbidden",
				"refused: " + ex.getMessage());
		http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/api/curator/**")
			.hasRole(CuratorAccounts.ROLE)
			.requestMatchers(EDITOR_PAGES.stream().flatMap(p -> Stream.of(p, p + "/**")).toArray(String[]::new))
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
			.formLogin(f -> f.loginPage(LOGIN_PAGE)
				.defaultSuccessUrl("/editor")
				.failureHandler((request, response, ex) -> {
					if (DatabaseOutage.isOutage(ex)) {
						DatabaseOutage.answer(response);
						return;
					}
					LoginThrottle.formLoginFailed(request);
					response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error");
				})
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
			.cors(Customizer.withDefaults())
			.headers(h -> h.cacheControl(c -> c.disable()) // the API sets its own (ETags, revalidation)
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tilesUrl)))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(f -> f.deny()))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * A forged request rides on credentials the browser adds by itself: a session cookie. A write that
	 * carries its own HTTP Basic credentials, or comes with no session at all, has none to ride on (and an
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
		return !basicAuthorization(request) && request.getSession(false) != null;
	}

	/**
	 * Whether the request carries HTTP Basic credentials, the only Authorization the service checks: such a
	 * request is authenticated by that header or refused with 401, never by a session cookie. Any other
	 * scheme ({@code Bearer x}) authenticates nothing here, so it exempts nothing from the CSRF check.
	 */
	private static boolean basicAuthorization(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	}

	/** The editor's pages, with or without a trailing slash or anything after it. */
	static boolean isEditorPage(String path) {
		return EDITOR_PAGES.stream().anyMatch(page -> path.equals(page) || path.startsWith(page + "/"));
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
