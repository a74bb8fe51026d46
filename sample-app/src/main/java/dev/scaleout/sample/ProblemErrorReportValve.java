package dev.scaleout.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on an error that never reached the application — a path Tomcat refuses, such as one with an
 * encoded slash ({@code %2f}) or an invalid escape ({@code %ff}), or a form larger than it reads — as
 * {@code application/problem+json} for API clients. A browser asking for a page gets Tomcat's HTML page, as
 * before.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

	private final JsonMapper json;

	ProblemErrorReportValve(JsonMapper json) {
		this.json = json;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || !status.isError() || response.getContentWritten() > 0
				|| prefersHtml(request.getHeaders(HttpHeaders.ACCEPT))) {
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
				writer.write(this.json.writeValueAsString(ProblemErrorController.problem(status, null)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away, or the response cannot take a body: there is no one left to tell.
		}
	}

	/**
	 * Whether the client prefers HTML above all, as a browser asking for a page does; a wildcard is no preference.
	 */
	private static boolean prefersHtml(Enumeration<String> accept) {
		List<String> values = Collections.list(accept);
		if (values.isEmpty()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(values)
				.stream()
				.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
				.findFirst()
				.filter((preferred) -> HTML.stream().anyMatch(preferred::equalsTypeAndSubtype))
				.isPresent();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
