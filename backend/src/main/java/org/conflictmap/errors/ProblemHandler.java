package org.conflictmap.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one error funnel: user mistakes become {@code application/problem+json} with a message that says
 * what to change. Spring's own exceptions (404, 405, 406) are rendered the same way by
 * {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
class ProblemHandler {

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badParameter(BadRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid query parameter");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

	@ExceptionHandler(PreconditionRequiredException.class)
	ProblemDetail preconditionRequired(PreconditionRequiredException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, ex.getMessage());
		problem.setTitle("If-Match required");
		return problem;
	}

	@ExceptionHandler(BodyTooLargeException.class)
	ProblemDetail tooLarge(BodyTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
		problem.setTitle("Body too large");
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

}
