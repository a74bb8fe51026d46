package dev.scaleout.errors;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlPreferenceTests {

	@ParameterizedTest
	@ValueSource(strings = { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
			"application/xhtml+xml", "text/html", "application/json;q=0.5, text/html" })
	void aRequestThatPrefersHtmlIsABrowsers(String accept) {
		assertThat(HtmlPreference.prefersHtml(List.of(accept))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/json", "application/problem+json", "text/*",
			"application/json, text/html", "text/html;q=0.5, application/json", "not a media type" })
	void aRequestThatDoesNotPreferHtmlIsAnApiClients(String accept) {
		assertThat(HtmlPreference.prefersHtml(List.of(accept))).isFalse();
	}

	@Test
	void aRequestWithoutAcceptIsAnApiClients() {
		assertThat(HtmlPreference.prefersHtml(List.of())).isFalse();
	}

	@Test
	void acceptHeadersAreReadTogether() {
		assertThat(HtmlPreference.prefersHtml(List.of("application/json;q=0.2", "text/html")))
			.isTrue();
	}

}
