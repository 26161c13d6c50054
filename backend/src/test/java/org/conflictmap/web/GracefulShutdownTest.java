package org.conflictmap.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.bulk.GenerateCommand;
import org.conflictmap.bulk.ImportCommand;
import org.conflictmap.support.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Health and shutdown as an orchestrator sees them: liveness and readiness answer while the service
 * runs; on shutdown (what SIGTERM starts) it takes no new connection, finishes the request in flight
 * (here a long export read by a slow client) and only then stops.
 */
class GracefulShutdownTest {

	private static final int EVENTS = 10_000;

	@TempDir
	Path dir;

	@Test
	void shutdownFinishesTheExportInFlightAndTakesNoNewRequest() throws Exception {
		Path file = dir.resolve("events.csv");
		String data = "--conflictmap.data-dir=" + dir.resolve("data");
		assertThat(GenerateCommand.run(new String[] { GenerateCommand.NAME, "--events", String.valueOf(EVENTS), "--seed",
				"4", "--out", file.toString() })).isZero();
		PrintStream stdout = System.out;
		try {
			System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
			assertThat(ImportCommand.run(new String[] { "import", "--format", "acled", file.toString(), data })).isZero();
		}
		finally {
			System.setOut(stdout);
		}
		ConfigurableApplicationContext app = new SpringApplicationBuilder(ConflictMapApplication.class)
			.run("--server.port=0", data);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		assertThat(HttpJson.send("GET", "http://localhost:" + port + "/actuator/health/liveness").status()).isEqualTo(200);
		var readiness = HttpJson.send("GET", "http://localhost:" + port + "/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");

		try (var client = new Socket()) {
			// a small window, so the server soon waits on this slow reader with most of the export unsent
			client.setReceiveBufferSize(8 * 1024);
			client.connect(new InetSocketAddress("localhost", port));
			OutputStream request = client.getOutputStream();
			request.write("GET /api/export/events.geojson HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			request.flush();
			InputStream in = client.getInputStream();
			var received = new ByteArrayOutputStream();
			received.write(in.readNBytes(4096));

			CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
			Thread.sleep(1_000);
			assertThat(stopping).as("shutdown waits for the export in flight").isNotDone();
			assertThatThrownBy(() -> new Socket("localhost", port).close()).as("no new connection while stopping")
				.isInstanceOf(ConnectException.class);

			in.transferTo(received);
			stopping.get(30, TimeUnit.SECONDS);

			String response = received.toString(StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 200");
			JsonNode body = JsonMapper.builder().build().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
			assertThat(body.get("features").size()).as("the whole export, not a cut one")
				.isEqualTo(body.get("numberMatched").asInt())
				.isGreaterThanOrEqualTo(EVENTS);
		}
		assertThat(app.isActive()).isFalse();
	}

}
