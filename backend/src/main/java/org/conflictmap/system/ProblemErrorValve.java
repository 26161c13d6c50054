package org.conflictmap.system;

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
		String detail = status == 400
				? "the request could not be read: its address is too long (the request line and headers take at most 8 KB) "
						+ "or holds characters an address may not (an encoded '/' or '\\', a control character); percent-encode "
						+ "values in the query, and leave them out of the path" + why
				: "the request could not be answered (HTTP " + status + ")";
		try {
			ProblemResponses.write(response, status, status == 400 ? "Bad request" : "Error", detail);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away; nothing to tell it
		}
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
