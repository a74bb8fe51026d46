package dev.scaleout.errors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserAwareProblemDetailsTests {

	@ParameterizedTest
	@ValueSource(strings = { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
			"application/xhtml+xml", "text/html", "application/json;q=0.5, text/html" })
	void aRequestThatPrefersHtmlIsABrowsers(String accept) {
		assertThat(BrowserAwareProblemDetails.prefersHtml(new String[] { accept })).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/json", "application/problem+json", "text/*",
			"application/json, text/html", "text/html;q=0.5, application/json", "not a media type" })
	void aRequestThatDoesNotPreferHtmlIsAnApiClients(String accept) {
		assertThat(BrowserAwareProblemDetails.prefersHtml(new String[] { accept })).isFalse();
	}

	@Test
	void aRequestWithoutAcceptIsAnApiClients() {
		assertThat(BrowserAwareProblemDetails.prefersHtml(null)).isFalse();
		assertThat(BrowserAwareProblemDetails.prefersHtml(new String[0])).isFalse();
	}

	@Test
	void acceptHeadersAreReadTogether() {
		assertThat(BrowserAwareProblemDetails.prefersHtml(new String[] { "application/json;q=0.2", "text/html" }))
			.isTrue();
	}

}
