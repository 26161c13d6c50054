package org.conflictmap.errors;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code application/problem+json} answer written straight to the response, for the refusals made
 * outside Spring MVC's exception handling (security's filters, the outage filter, Tomcat's error valve),
 * in the same shape as every other error of the service.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}

}
