package org.conflictmap.errors;

/** A resource a user asked for by id that does not exist (HTTP 404 problem+json). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
