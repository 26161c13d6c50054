package org.conflictmap.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Security's refusals in the same problem+json shape as every other error of the service. */
final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
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
