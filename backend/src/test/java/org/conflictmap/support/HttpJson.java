package org.conflictmap.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that call the running service the way any user's client would. */
public final class HttpJson {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A response: status, content type and the parsed JSON body. */
	public record Response(int status, String contentType, JsonNode body) {
	}

	private HttpJson() {
	}

	public static Response get(String url) {
		try {
			HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
					r.body().isEmpty() ? null : JSON.readTree(r.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
