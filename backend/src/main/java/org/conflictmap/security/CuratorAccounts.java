package org.conflictmap.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The curators who may write, stored in the database (so every instance knows the same ones) with their
 * passwords hashed by bcrypt. Readers need no account.
 */
@Service
public class CuratorAccounts implements UserDetailsService {

	/** The one role an account has: it may write. */
	public static final String ROLE = "CURATOR";

	/** Letters, digits, dot, dash and underscore; what a login field and a log line can show plainly. */
	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	/** Long enough that guessing, throttled, is hopeless. */
	static final int MIN_PASSWORD = 12;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	CuratorAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
		// bcrypt, stored as "{bcrypt}..." so a later algorithm can come without a migration
		this.encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The encoder the stored hashes are checked with. */
	public PasswordEncoder encoder() {
		return encoder;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash FROM curators WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no curator " + username));
	}

	/** How many curators there are. */
	public long count() {
		return jdbc.sql("SELECT count(*) FROM curators").query(Long.class).single();
	}

	/**
	 * Adds a curator.
	 * @throws IllegalArgumentException saying what to change, when the name or password will not do or
	 * the name is taken
	 */
	public void add(String username, String password) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException("a curator's name is 1 to 100 letters, digits, '.', '-' or '_', not '"
					+ username + "'");
		}
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new IllegalArgumentException("a curator's password needs at least " + MIN_PASSWORD + " characters");
		}
		try {
			jdbc.sql("INSERT INTO curators (username, password_hash, created_at) VALUES (:u, :h, :t)")
				.param("u", username)
				.param("h", encoder.encode(password))
				.param("t", Instant.now().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("there is already a curator called '" + username + "'");
		}
	}

}
