package dev.scaleout.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.List;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error that never reached the application — a path Tomcat refuses, such as one with an
 * encoded slash ({@code %2f}) or an invalid escape ({@code %ff}), or a form larger than it reads — as
 * {@code application/problem+json} for API clients. A browser asking for a page gets Tomcat's HTML page, as
 * before.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	private static final JsonMapper json = JsonMapper.builder().build();

	ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || !status.isError() || response.getContentWritten() > 0
				|| HtmlPreference.prefersHtml(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json.writeValueAsString(StatusProblem.of(status, null)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away, or the response cannot take a body: there is no one left to tell.
		}
	}

	/**
	 * Replaces the error report valves of a Tomcat host with this one.
	 * @param host the host, whose pipeline Spring Boot has given its own valve
	 */
	static void replaceErrorReportValves(Container host) {
		for (Valve valve : List.of(host.getPipeline().getValves())) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new ProblemErrorReportValve());
	}

}
