package org.conflictmap.errors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

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

	/**
	 * The body as UTF-8 text, at most {@code maxBytes} of it.
	 * @param usual what such a body usually weighs, for the message
	 * @param notUtf8 the endpoint's own answer to bytes that are not UTF-8
	 */
	public static String readUtf8AtMost(InputStream in, int maxBytes, String usual,
			Supplier<? extends RuntimeException> notUtf8) throws IOException {
		byte[] bytes = readAtMost(in, maxBytes, usual);
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw notUtf8.get();
		}
	}

}
