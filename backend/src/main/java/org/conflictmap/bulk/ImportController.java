package org.conflictmap.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/imports?format=acled|ucdp[&name=FILE]} with the CSV file as the body: the upload
 * equivalent of the {@code import} command, for curators (a login is needed, like every write). The body
 * streams straight into the importer; the answer is the import's report, or a 400 naming the
 * line, column and what is wrong, with nothing of the file stored. An upload takes at most
 * {@code conflictmap.import.upload-max-rows} rows (500,000); larger files go through the command.
 */
@RestController
class ImportController {

	private final BulkImporter importer;

	private final long maxRows;

	ImportController(BulkImporter importer, @Value("${conflictmap.import.upload-max-rows:500000}") long maxRows) {
		this.importer = importer;
		this.maxRows = maxRows;
	}

	@PostMapping(path = "/api/imports", consumes = { "text/csv", "application/octet-stream" })
	Map<String, Object> upload(HttpServletRequest request, Principal curator) throws IOException {
		Map<String, String[]> params = request.getParameterMap();
		Parameters.requireOnly(params, Set.of("format", "name"));
		String formatName = Parameters.single(params, "format");
		if (formatName == null) {
			throw new BadRequestException("format", "format is required: " + formats());
		}
		BulkFormat format;
		try {
			format = BulkFormat.of(formatName);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("format", ex.getMessage());
		}
		String name = Parameters.single(params, "name");
		if (name == null) {
			name = "upload." + format + ".csv";
		}
		else if (name.length() > 200 || !name.matches("[\\p{L}\\p{N} ._()-]+")) {
			throw new BadRequestException("name", "name is the file's name for messages: up to 200 letters, digits,"
					+ " spaces and . _ ( ) -");
		}
		BulkImporter.Report report;
		try (InputStream body = request.getInputStream()) {
			report = importer.importCsv(body, request.getContentLengthLong(), name, format, curator.getName(),
					BulkImporter.Progress.NONE, maxRows);
		}
		return Map.of("file", report.file(), "format", report.format(), "rows", report.rows(), "inserted",
				report.inserted(), "updated", report.updated(), "unchanged", report.unchanged(), "kept_curator_edits",
				report.keptCuratorEdits(), "gazetteer_disagrees", report.gazetteerDisagrees(), "seconds",
				report.seconds(), "summary", report.summary());
	}

	@ExceptionHandler(RowProblem.class)
	ProblemDetail refused(RowProblem ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.getMessage() + "; nothing of the file was stored");
		problem.setTitle("Import refused");
		problem.setProperty("file", ex.file());
		problem.setProperty("line", ex.line());
		problem.setProperty("column", ex.column());
		problem.setProperty("field", ex.field());
		return problem;
	}

	private static String formats() {
		return String.join(" or ", Arrays.stream(BulkFormat.values()).map(BulkFormat::toString).toList());
	}

}
