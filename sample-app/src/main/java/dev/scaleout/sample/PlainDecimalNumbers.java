package dev.scaleout.sample;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Integer parameters written as plain ASCII decimal only, an optional minus sign and digits. Spring's own
 * conversion also takes {@code 0x10}, {@code #10}, {@code +5} and the digits of other scripts, which gives one number
 * many spellings that caches, logs and filters upstream do not recognise as the same. Anything else is a 400
 * problem, as for a parameter that is not a number at all.
 * <p>
 * A property editor, not a converter: Spring falls back on its default number editor when a converter refuses.
 */
@ControllerAdvice
class PlainDecimalNumbers {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

	@InitBinder
	void plainDecimalOnly(WebDataBinder binder) {
		binder.registerCustomEditor(int.class, new Editor(Integer::valueOf, false));
		binder.registerCustomEditor(Integer.class, new Editor(Integer::valueOf, true));
		binder.registerCustomEditor(long.class, new Editor(Long::valueOf, false));
		binder.registerCustomEditor(Long.class, new Editor(Long::valueOf, true));
	}

	private static final class Editor extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		private final boolean allowEmpty;

		Editor(Function<String, Number> parse, boolean allowEmpty) {
			this.parse = parse;
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(@Nullable String text) {
			if (this.allowEmpty && !StringUtils.hasText(text)) {
				setValue(null);
				return;
			}
			if (text == null || !DECIMAL.matcher(text).matches()) {
				throw new IllegalArgumentException(
						"Not a plain decimal number: digits 0 to 9, with an optional minus sign.");
			}
			setValue(this.parse.apply(text));
		}

	}

}
