package org.conflictmap.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anonymous answers of the cached reads, whole, by their ETag: the tag is a digest of the database's data
 * version and the request, so an entry is right for as long as it can be found, on every instance, and a
 * write anywhere makes every older entry unreachable (they then age out, least recently used first). A
 * hot query (the map's default view, a newsroom's embed) then costs one read of the data version instead
 * of its queries. Answers larger than {@code conflictmap.response-cache.max-entry-kb} (exports, say) are
 * streamed and never held.
 */
@Component
class ResponseCache {

	/**
	 * What a cached answer needs to be sent again: its type, the headers that describe its body (see
	 * {@code ConditionalReads.BODY_HEADERS}) and the body.
	 */
	record Entry(String contentType, java.util.Map<String, String> headers, byte[] body) {
	}

	private final Cache<String, Entry> entries;

	private final int maxEntryBytes;

	ResponseCache(@Value("${conflictmap.response-cache.max-mb:32}") int maxMb,
			@Value("${conflictmap.response-cache.max-entry-kb:1024}") int maxEntryKb) {
		this.maxEntryBytes = maxMb <= 0 ? 0 : maxEntryKb * 1024;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(Math.max(0, (long) maxMb) << 20)
			.weigher((String tag, Entry e) -> e.body().length + tag.length() + 128)
			.build();
	}

	Entry get(String etag) {
		return maxEntryBytes == 0 ? null : entries.getIfPresent(etag);
	}

	void put(String etag, Entry entry) {
		entries.put(etag, entry);
	}

	/** A copy of what is written to {@code out}, up to the largest entry kept; null once past it. */
	Capture capture(ServletOutputStream out) {
		return new Capture(out, maxEntryBytes);
	}

	/** Writes through to the response and keeps a copy while the answer is small enough to cache. */
	static final class Capture extends ServletOutputStream {

		private final ServletOutputStream out;

		private final int limit;

		private ByteArrayOutputStream copy = new ByteArrayOutputStream();

		Capture(ServletOutputStream out, int limit) {
			this.out = out;
			this.limit = limit;
			if (limit == 0) {
				copy = null;
			}
		}

		/** The answer as written, or null when it was too large to keep. */
		byte[] bytes() {
			return copy == null ? null : copy.toByteArray();
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			if (copy != null) {
				copy.write(b);
				overflow();
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			if (copy != null) {
				copy.write(b, off, len);
				overflow();
			}
		}

		private void overflow() {
			if (copy.size() > limit) {
				copy = null;
			}
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

		@Override
		public boolean isReady() {
			return out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			out.setWriteListener(listener);
		}

	}

}
