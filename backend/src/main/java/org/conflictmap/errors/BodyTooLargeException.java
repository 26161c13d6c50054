package org.conflictmap.errors;

import java.io.IOException;
import java.io.InputStream;

/** A request body larger than its endpoint takes: answered 413, nothing read beyond the limit. */
public class BodyTooLargeException extends RuntimeException {

	public BodyTooLargeException(int maxBytes, String usual) {
		super("the body is larger than " + maxBytes / 1024 + " KB; " + usual);
	}

	/**
	 * The body, at most {@code maxBytes} of it.
	 * @param usual what such a body usually weighs, for the message ("an event is a few KB")
	 */
	public static byte[] readAtMost(InputStream in, int maxBytes, String usual) throws IOException {
		byte[] bytes;
		try (in) {
			bytes = in.readNBytes(maxBytes + 1);
		}
		if (bytes.length > maxBytes) {
			throw new BodyTooLargeException(maxBytes, usual);
		}
		return bytes;
	}

}
