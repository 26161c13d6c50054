package org.conflictmap.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.event.Event;
import org.conflictmap.event.EventBatchWriter;
import org.conflictmap.event.EventRepository;
import org.conflictmap.gazetteer.Geocoder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams an ACLED or UCDP CSV file into the store: one transaction per file (a bad row anywhere stops
 * the import with {@code file:line:column} and nothing of the file is stored), JDBC batches of new
 * events, and the data version moved once at the end. Each event keeps a hash of the row it came from,
 * so importing the same file again changes nothing and a corrected row becomes a new version. Events a
 * curator has since edited through the API are left as the curator left them.
 */
@Service
public class BulkImporter {

	/**
	 * Rows per batch (a COPY of each table on PostGIS, JDBC batches elsewhere). Each batch costs a lookup of
	 * its ids and three COPY statements, with PostgreSQL waiting between them: a million rows imported in
	 * turn at 5,000 / 10,000 / 20,000 gave 23,737 / 25,700 / 26,536 and 22,655 / 25,583 / 25,777 rows/s, the
	 * importer's heap after collections at most 187 / 204 / 240 MB (bench/README.md). Two batches are held
	 * at once (one read while the one before is written), which is what a service's heap pays.
	 */
	static final int BATCH = 10_000;

	/** The longest row a file may have (see CountingStream). */
	static final int MAX_ROW_BYTES = 1024 * 1024;

	/** Imports writing at least this many events refresh the planner's statistics when done. */
	static final int ANALYZE_AFTER = 10_000;

	/** Part of every row's hash: a change to how rows are mapped makes the next import rewrite them. */
	private static final String MAPPING_VERSION = "1";

	private final EventRepository events;

	private final EventBatchWriter writer;

	private final Geocoder geocoder;

	private final TransactionTemplate transaction;

	public BulkImporter(EventRepository events, EventBatchWriter writer, Geocoder geocoder,
			PlatformTransactionManager transactions) {
		this.events = events;
		this.writer = writer;
		this.geocoder = geocoder;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * What one file's import did.
	 * @param seconds the import's own time, up to its commit
	 * @param maintenanceSeconds what the database's upkeep after a large import took (0 when none ran)
	 */
	public record Report(String file, String format, long rows, long inserted, long updated, long unchanged,
			long keptCuratorEdits, long gazetteerDisagrees, double seconds, double maintenanceSeconds) {

		public long rowsPerSecond() {
			return seconds <= 0 ? rows : Math.round(rows / seconds);
		}

		/** One line for a terminal or a log. */
		public String summary() {
			return String.format(java.util.Locale.ROOT,
					"%s: %,d rows in %.1f s (%,d rows/s): %,d new, %,d updated, %,d unchanged, %,d kept as curators"
							+ " edited them; the gazetteer disagrees with the file's coordinates for %,d",
					file, rows, seconds, rowsPerSecond(), inserted, updated, unchanged, keptCuratorEdits,
					gazetteerDisagrees)
					+ (maintenanceSeconds > 0 ? String.format(java.util.Locale.ROOT,
							"; then %.1f s refreshing the database's statistics", maintenanceSeconds) : "");
		}

	}

	/** Told how far an import has got, every {@link #EVERY} rows. */
	public interface Progress {

		long EVERY = 10_000;

		Progress NONE = (rows, bytesRead, totalBytes, elapsedNanos) -> {
		};

		/** @param totalBytes the file's size, or -1 when not known */
		void rows(long rows, long bytesRead, long totalBytes, long elapsedNanos);

	}

	/**
	 * Imports one file, all or nothing.
	 * @param file the name messages use for it
	 * @param totalBytes its size for the progress's ETA, or -1
	 * @throws RowProblem when a row (or the header, or the encoding) is wrong; nothing is stored then
	 */
	public Report importCsv(InputStream in, long totalBytes, String file, BulkFormat format, String writtenBy,
			Progress progress) {
		return importCsv(in, totalBytes, file, format, writtenBy, progress, Long.MAX_VALUE);
	}

	/**
	 * The same, refusing a file of more than {@code maxRows} rows (the upload's bound: the ids seen are
	 * kept to find repeats, which a service's heap must hold).
	 */
	public Report importCsv(InputStream in, long totalBytes, String file, BulkFormat format, String writtenBy,
			Progress progress, long maxRows) {
		long start = System.nanoTime();
		var counting = new CountingStream(in);
		var run = new Run(file, format.rows, writtenBy, maxRows);
		transaction.executeWithoutResult(status -> run.read(counting, totalBytes, progress, start));
		double seconds = (System.nanoTime() - start) / 1e9;
		double maintenance = 0;
		if (run.inserted + run.updated >= ANALYZE_AFTER) {
			long before = System.nanoTime();
			writer.analyzeAfterLoad();
			maintenance = (System.nanoTime() - before) / 1e9;
		}
		return new Report(file, format.toString(), run.rows, run.inserted, run.updated, run.unchanged, run.kept,
				run.disagrees, seconds, maintenance);
	}

	/** One file's import in progress. */
	private final class Run {

		private final String file;

		private final RowFormat format;

		private final String writtenBy;

		private final GazetteerOpinion gazetteer = new GazetteerOpinion(geocoder);

		private final Set<String> seen = new HashSet<>();

		private final List<Pending> batch = new ArrayList<>(BATCH);

		private EventBatchWriter.Batches batches;

		/** The first and last line of the batch last handed to the database. */
		private long[] inFlight = { 0, 0 };

		private final MessageDigest sha256;

		private final Instant now = Instant.ofEpochMilli(System.currentTimeMillis());

		/** The header's columns by name, the order every row's hash reads them in. */
		private List<Map.Entry<String, Integer>> hashColumns;

		long rows;

		long inserted;

		long updated;

		long unchanged;

		long kept;

		long disagrees;

		/** The longest span of the new events, in days, for the data version's bound. */
		int maxSpanDays;

		private final long maxRows;

		Run(String file, RowFormat format, String writtenBy, long maxRows) {
			this.file = file;
			this.format = format;
			this.writtenBy = writtenBy;
			this.maxRows = maxRows;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void read(CountingStream in, long totalBytes, Progress progress, long start) {
			var decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			Reader reader = new InputStreamReader(in, decoder);
			CSVParser parser;
			try {
				parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
			}
			catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
				throw new RowProblem(file, 1, 0, null, "cannot read the header: " + reason(ex));
			}
			Map<String, Integer> header = header(parser);
			try (var batches = writer.open(format.origin(), writtenBy, now)) {
				this.batches = batches;
				readRecords(parser, header, in, totalBytes, progress, start);
				storing(inFlight, batches::await);
			}
			progress.rows(rows, in.count, totalBytes, System.nanoTime() - start);
			if (inserted > 0) {
				writer.dataChanged(now, maxSpanDays);
			}
		}

		private void readRecords(CSVParser parser, Map<String, Integer> header, CountingStream in, long totalBytes,
				Progress progress, long start) {
			Iterator<CSVRecord> records = parser.iterator();
			long before = parser.getCurrentLineNumber();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					throw new RowProblem(file, before + 1, 0, null, reason(ex));
				}
				long line = before + 1;
				before = parser.getCurrentLineNumber();
				in.rowTaken();
				if (record.size() != header.size()) {
					if (record.size() == 1 && record.get(0).isBlank()) {
						continue;
					}
					throw new RowProblem(file, line, 0, null, "has " + record.size() + " fields; the header has "
							+ header.size());
				}
				if (rows == maxRows) {
					throw new RowProblem(file, line, 0, null, "the file has more than " + String.format(java.util.Locale.ROOT,
							"%,d", maxRows) + " rows, the most an upload takes; import it with the import command");
				}
				var row = new CsvRow(file, line, record, header);
				var mapped = format.map(row, gazetteer);
				if (!seen.add(mapped.event().id())) {
					throw row.problem(format.idColumn(), "'" + record.get(header.get(format.idColumn()))
							+ "' appears more than once in the file; ids must be unique");
				}
				batch.add(new Pending(line, mapped, hash(record)));
				rows++;
				if (batch.size() == BATCH) {
					flush();
				}
				if (rows % Progress.EVERY == 0) {
					progress.rows(rows, in.count, totalBytes, System.nanoTime() - start);
				}
			}
			flush();
		}

		private Map<String, Integer> header(CSVParser parser) {
			var header = new HashMap<String, Integer>();
			List<String> names = parser.getHeaderNames();
			for (int i = 0; i < names.size(); i++) {
				// a byte-order mark some spreadsheets write ahead of the first name
				String name = i == 0 ? names.get(i).replace("\uFEFF", "") : names.get(i);
				header.put(name.strip(), i);
			}
			hashColumns = header.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
			for (String required : format.requiredColumns()) {
				if (!header.containsKey(required)) {
					throw new RowProblem(file, 1, 0, required, "is missing from the header; a " + format.label()
							+ " file needs " + format.requiredColumns());
				}
			}
			return header;
		}

		private void flush() {
			if (batch.isEmpty()) {
				return;
			}
			List<String> ids = batch.stream().map(p -> p.mapped.event().id()).toList();
			Map<String, EventBatchWriter.Stored> stored = batches.stored(ids);
			var fresh = new ArrayList<Event>(batch.size());
			var freshHashes = new ArrayList<String>(batch.size());
			for (Pending p : batch) {
				Event event = p.mapped.event();
				var existing = stored.get(event.id());
				if (p.mapped.gazetteerDisagrees()) {
					disagrees++;
				}
				if (existing == null) {
					fresh.add(event);
					freshHashes.add(p.hash);
					maxSpanDays = Math.max(maxSpanDays, event.spanDays());
				}
				else if (!format.origin().equals(existing.origin())) {
					kept++;
				}
				else if (p.hash.equals(existing.originHash())) {
					unchanged++;
				}
				else {
					// the batch before this one may still be on its way in, on the connection this update needs
					storing(inFlight, batches::await);
					events.update(event.withVersion(existing.version(), null, null), format.origin(), p.hash, writtenBy);
					updated++;
				}
			}
			long[] lines = { batch.get(0).line, batch.get(batch.size() - 1).line };
			// the batch before may still be on its way in: its failure shows here
			storing(inFlight, batches::await);
			storing(lines, () -> batches.insert(fresh, freshHashes));
			inFlight = lines;
			inserted += fresh.size();
			batch.clear();
		}

		/** Runs a write of the rows on {@code lines} (first, last), naming them if the database refuses it. */
		private void storing(long[] lines, Runnable write) {
			try {
				write.run();
			}
			catch (DataAccessException ex) {
				throw new RowProblem(file, lines[0], 0, null, "the rows from here to line " + lines[1]
						+ " could not be stored: " + databaseReason(ex));
			}
		}

		private String hash(CSVRecord record) {
			sha256.update(MAPPING_VERSION.getBytes(StandardCharsets.UTF_8));
			for (var column : hashColumns) {
				sha256.update((byte) 0x1e);
				sha256.update(column.getKey().getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0x1f);
				sha256.update(record.get(column.getValue()).getBytes(StandardCharsets.UTF_8));
			}
			return java.util.HexFormat.of().formatHex(sha256.digest());
		}

	}

	/** The database's reason in one line, without the statement H2 appends to it. */
	private static String databaseReason(DataAccessException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		int statement = message.indexOf("; SQL statement:");
		if (statement >= 0) {
			message = message.substring(0, statement);
		}
		return message.lines().findFirst().orElse(message).strip();
	}

	private record Pending(long line, RowFormat.Mapped mapped, String hash) {
	}

	private static String reason(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof CharacterCodingException) {
			return "the file is not UTF-8 text (save it as UTF-8 and import again)";
		}
		return cause.getMessage() == null ? cause.toString() : cause.getMessage();
	}

	/**
	 * Counts the bytes read, for the progress's ETA, and bounds a row: the CSV parser holds a whole row in
	 * memory, so a file with one endless cell (or an unclosed quote) is stopped at
	 * {@link #MAX_ROW_BYTES} rather than read into the heap.
	 */
	private static final class CountingStream extends FilterInputStream {

		long count;

		/** {@link #count} when the last row was taken. */
		long rowStart;

		CountingStream(InputStream in) {
			super(in);
		}

		/** A row was taken; the next one starts counting here. */
		void rowTaken() {
			rowStart = count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
				bound();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
				bound();
			}
			return n;
		}

		private void bound() throws IOException {
			if (count - rowStart > MAX_ROW_BYTES) {
				throw new IOException("a row is longer than " + MAX_ROW_BYTES / (1024 * 1024)
						+ " MB (a cell that never ends, or a quote that is never closed?); no row of ACLED or UCDP is near that");
			}
		}

	}

}
