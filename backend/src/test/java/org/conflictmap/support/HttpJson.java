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

	private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(120);

	/** A response: status, content type and the parsed JSON body. */
	public record Response(int status, String contentType, JsonNode body) {
	}

	/** A response with its headers, for tests of what the headers promise. */
	public record Exchange(int status, java.net.http.HttpHeaders headers, String body) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return body.isEmpty() ? null : JSON.readTree(body);
		}

	}

	/**
	 * Any request: method, URL and header name/value pairs; no body.
	 * @param headers alternating names and values
	 */
	public static Exchange send(String method, String url, String... headers) {
		return send(method, url, HttpRequest.BodyPublishers.noBody(), headers);
	}

	/**
	 * A request with a JSON body ({@code Content-Type: application/json} unless the headers give another).
	 * @param headers alternating names and values
	 */
	public static Exchange sendJson(String method, String url, String json, String... headers) {
		boolean typed = false;
		for (int i = 0; i < headers.length; i += 2) {
			typed |= headers[i].equalsIgnoreCase("Content-Type");
		}
		String[] all = headers;
		if (!typed) {
			all = java.util.Arrays.copyOf(headers, headers.length + 2);
			all[headers.length] = "Content-Type";
			all[headers.length + 1] = "application/json";
		}
		return send(method, url, HttpRequest.BodyPublishers.ofString(json), all);
	}

	/**
	 * A request with a body of raw bytes, for bodies that are not valid text.
	 * @param headers alternating names and values
	 */
	public static Exchange sendBytes(String method, String url, byte[] body, String... headers) {
		return send(method, url, HttpRequest.BodyPublishers.ofByteArray(body), headers);
	}

	private static Exchange send(String method, String url, HttpRequest.BodyPublisher body, String... headers) {
		// a hung answer fails the test instead of holding it forever
		var request = HttpRequest.newBuilder(URI.create(url)).method(method, body).timeout(TIMEOUT);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Exchange(r.statusCode(), r.headers(), r.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An HTTP Basic Authorization header value. */
	public static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private HttpJson() {
	}

	public static Response get(String url) {
		try {
			HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
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
