package org.conflictmap.errors;

/** A write that must say which version it changes ({@code If-Match}) did not: answered 428. */
public class PreconditionRequiredException extends RuntimeException {

	/** @param what where the ETag is read, for the message ("GET /api/events/{id}") */
	public PreconditionRequiredException(String what) {
		super("send If-Match with the ETag of the version you edited (" + what + " gives it), so a change made "
				+ "meanwhile by someone else is not overwritten");
	}

}
