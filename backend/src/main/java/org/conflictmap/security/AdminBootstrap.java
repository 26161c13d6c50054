package org.conflictmap.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first curator: when no account exists at start, creates {@code admin} with the password from
 * {@code CONFLICTMAP_ADMIN_PASSWORD}, or a random one written once to the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final CuratorAccounts accounts;

	private final String configured;

	AdminBootstrap(CuratorAccounts accounts, @Value("${CONFLICTMAP_ADMIN_PASSWORD:}") String configured) {
		this.accounts = accounts;
		this.configured = configured;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		String password = configured.isBlank() ? randomPassword() : configured;
		try {
			accounts.add(ADMIN, password);
		}
		catch (IllegalArgumentException ex) {
			if (accounts.count() > 0) {
				return; // another instance sharing the database made it first
			}
			throw new IllegalStateException("CONFLICTMAP_ADMIN_PASSWORD will not do: " + ex.getMessage(), ex);
		}
		if (configured.isBlank()) {
			log.warn("Created the first curator '{}' with the password {} (shown this once; log in and keep it, or "
					+ "set CONFLICTMAP_ADMIN_PASSWORD before the first start to choose it)", ADMIN, password);
		}
		else {
			log.info("Created the first curator '{}' with the password from CONFLICTMAP_ADMIN_PASSWORD", ADMIN);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
