package dev.scaleout.errors;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a client is a browser asking for a page: the media type it prefers most — the first of those with the
 * highest quality in its {@code Accept} header — is HTML. A wildcard is not a preference for HTML: {@code curl}
 * sends {@code *}{@code /*}.
 */
final class HtmlPreference {

	private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

	private HtmlPreference() {
	}

	/**
	 * Whether the client prefers HTML above all.
	 * @param accept the values of the {@code Accept} header, empty when there is none
	 * @return whether the preferred media type is HTML
	 */
	static boolean prefersHtml(List<String> accept) {
		if (accept.isEmpty()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
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
