package org.conflictmap.errors;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches {@code /error} (a request refused before any controller, by the firewall for an address
 * like {@code //} or {@code ..}, or a {@code sendError} anywhere): problem+json like every other error,
 * in place of Spring Boot's own JSON. Never the exception's text for a server error.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		String detail = switch (status) {
			case BAD_REQUEST -> "the request was refused before it was read: its address holds a sequence addresses "
					+ "here may not ('//', '..', an encoded '/', '\\' or '%', a control character); check the path";
			case NOT_FOUND -> "nothing is at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
					+ "; the API starts at /api/events and /ogcapi";
			case METHOD_NOT_ALLOWED -> "this address does not take " + originalMethod(request);
			default -> status.is5xxServerError() ? "the service failed to answer; the failure is in its log"
					: status.getReasonPhrase();
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The method the client sent: an error dispatch itself is a GET (Servlet 6.1), the original is kept aside. */
	private static String originalMethod(HttpServletRequest request) {
		Object method = request.getAttribute("jakarta.servlet.error.method");
		return method == null ? request.getMethod() : method.toString();
	}

}
