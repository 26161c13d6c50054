package org.conflictmap.errors;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The errors Tomcat answers by itself, before the application sees the request (an address with an
 * encoded '/' or a control character, a malformed request line): problem+json like every other error,
 * in place of Tomcat's HTML page.
 */
public class ProblemErrorValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String why = throwable == null || throwable.getMessage() == null ? "" : " (" + throwable.getMessage() + ")";
		String detail = status == 400 ? badRequest(request.getRequestURI(), throwable) + why
				: "the request could not be answered (HTTP " + status + ")";
		try {
			ProblemResponses.write(response, status, status == 400 ? "Bad request" : "Error", detail);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away; nothing to tell it
		}
	}

	/** Which of the reasons Tomcat refuses a request for it was, as far as the request shows. */
	static String badRequest(String uri, Throwable throwable) {
		String path = uri == null ? "" : uri.toUpperCase(java.util.Locale.ROOT);
		if (path.contains("%2F") || path.contains("%5C")) {
			return "the address's path holds an encoded '/' or '\\' (%2F, %5C), which paths here may not: "
					+ "an id never contains one; percent-encode such values only in the query";
		}
		String message = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
		if (message.contains("too large")) {
			return "the request could not be read: its request line and headers take more than the 8 KB allowed; "
					+ "send long filters in fewer, shorter parameters";
		}
		return "the request could not be read: its request line holds characters an address may not (a control "
				+ "character, a space, or a malformed percent-encoding); percent-encode values in the query";
	}

	/** Puts the valve on Tomcat's host in place of its HTML error page. */
	@Configuration(proxyBeanMethods = false)
	static class Install {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
			return factory -> factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorValve.class.getName());
				}
			});
		}

	}

}
