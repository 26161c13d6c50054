package org.conflictmap.errors;

/**
 * A request parameter a user got wrong. Answered with HTTP 400 problem+json naming the parameter and
 * saying what it expects.
 */
public class BadRequestException extends RuntimeException {

	private final String parameter;

	public BadRequestException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/** The offending query parameter's name. */
	public String parameter() {
		return parameter;
	}

}
