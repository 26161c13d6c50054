package org.conflictmap.event;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}), made a part at a
 * time as the driver reads them, so the database takes in one part while the next is written. Binary
 * rather than text: the database then reads dates, times, numbers and the point as they are instead of
 * parsing their text (a fifth less of its time for the events table at 1,000,000 rows, bench/README.md),
 * and nothing needs escaping here.
 *
 * <p>The format (PostgreSQL's "COPY", "Binary Format"): a signature and two zero words; per row the number
 * of fields, then each field as its length (-1 for NULL) and the bytes of the type's binary form; a -1 to
 * end. Text goes as UTF-8, which the driver's client encoding tells the server to expect.
 */
final class CopyBinary extends InputStream {

	/** About what the driver reads at once. */
	static final int PART = 64 * 1024;

	/** How a column's value is written. */
	enum Kind {
		/** varchar or text, from the value's toString. */
		TEXT,
		/** smallint, from an Integer. */
		INT2,
		/** integer, from an Integer. */
		INT4,
		/** double precision, from a Double. */
		FLOAT8,
		/** date, from a LocalDate: days since 2000-01-01. */
		DATE,
		/** timestamp with time zone, from an OffsetDateTime: microseconds since 2000-01-01 UTC. */
		TIMESTAMPTZ,
		/** geometry, from the row's "lon" and "lat": EWKB of a point in WGS 84 (SRID 4326). */
		POINT_4326
	}

	/** A column: the row's key for its value, and how it is written. */
	record Column(String key, Kind kind) {
	}

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

	private static final OffsetDateTime EPOCH_UTC = EPOCH.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);

	/** EWKB's geometry type word for a point with an SRID (the 0x20000000 flag). */
	private static final int EWKB_POINT_WITH_SRID = 0x20000001;

	private final Iterator<Map<String, Object>> rows;

	private final List<Column> columns;

	private ByteBuffer out = ByteBuffer.allocate(PART + 16 * 1024);

	private boolean started;

	private boolean ended;

	/** The part being read: {@link #out}'s bytes from {@link #at} to its position. */
	private int at;

	CopyBinary(Stream<Map<String, Object>> rows, List<Column> columns) {
		this.rows = rows.iterator();
		this.columns = columns;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (at == out.position() && !nextPart()) {
			return -1;
		}
		int n = Math.min(length, out.position() - at);
		System.arraycopy(out.array(), at, buffer, offset, n);
		at += n;
		return n;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	private boolean nextPart() {
		if (ended) {
			return false;
		}
		out.clear();
		if (!started) {
			out.put(SIGNATURE).putInt(0).putInt(0);
			started = true;
		}
		while (out.position() < PART && rows.hasNext()) {
			row(rows.next());
		}
		if (!rows.hasNext()) {
			room(2);
			out.putShort((short) -1);
			ended = true;
		}
		at = 0;
		return out.position() > 0;
	}

	private void row(Map<String, Object> row) {
		room(2);
		out.putShort((short) columns.size());
		for (Column column : columns) {
			Object value = column.kind == Kind.POINT_4326 ? row.get("lon") : row.get(column.key);
			if (value == null) {
				room(4);
				out.putInt(-1);
				continue;
			}
			switch (column.kind) {
				case TEXT -> {
					byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
					room(4 + bytes.length);
					out.putInt(bytes.length).put(bytes);
				}
				case INT2 -> {
					room(6);
					out.putInt(2).putShort(((Integer) value).shortValue());
				}
				case INT4 -> {
					room(8);
					out.putInt(4).putInt((Integer) value);
				}
				case FLOAT8 -> {
					room(12);
					out.putInt(8).putDouble((Double) value);
				}
				case DATE -> {
					room(8);
					out.putInt(4).putInt(Math.toIntExact(ChronoUnit.DAYS.between(EPOCH, (LocalDate) value)));
				}
				case TIMESTAMPTZ -> {
					room(12);
					out.putInt(8).putLong(ChronoUnit.MICROS.between(EPOCH_UTC, (OffsetDateTime) value));
				}
				case POINT_4326 -> {
					room(4 + 25);
					out.putInt(25);
					// EWKB, little-endian as its first byte says; the rest of the message stays big-endian
					out.put((byte) 1);
					out.order(ByteOrder.LITTLE_ENDIAN);
					out.putInt(EWKB_POINT_WITH_SRID).putInt(4326).putDouble((Double) value)
						.putDouble((Double) row.get("lat"));
					out.order(ByteOrder.BIG_ENDIAN);
				}
			}
		}
	}

	/** Makes room for {@code bytes} more (a row longer than a part grows the buffer). */
	private void room(int bytes) {
		if (out.remaining() < bytes) {
			var bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
			out.flip();
			bigger.put(out);
			out = bigger;
		}
	}

}
