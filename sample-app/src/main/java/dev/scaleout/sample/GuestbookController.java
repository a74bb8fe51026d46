package dev.scaleout.sample;

import java.util.Locale;

import dev.scaleout.instance.InstanceId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /guestbook}: an HTML page with a form, posted and redirected back with a flash message (Spring MVC keeps
 * it in the session between the POST and the GET, which another replica may serve), greeting in the language chosen
 * with {@code ?lang=} (kept in the session by {@code SessionLocaleResolver}).
 */
@Controller
@RequestMapping("/guestbook")
class GuestbookController {

	static final String FLASH_MESSAGE = "message";

	private final MessageSource messages;

	private final InstanceId instanceId;

	GuestbookController(MessageSource messages, InstanceId instanceId) {
		this.messages = messages;
		this.instanceId = instanceId;
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String page(Model model, Locale locale) {
		Object message = model.getAttribute(FLASH_MESSAGE);
		String flash = (message != null) ? "<p id=\"flash\">" + HtmlUtils.htmlEscape(message.toString()) + "</p>\n" : "";
		return """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8"><title>Guestbook</title></head>
				<body>
				<h1 id="greeting">%s</h1>
				%s<form method="post" action="guestbook">
				<input name="text" maxlength="200" required> <button type="submit">%s</button>
				</form>
				<p><a href="?lang=en">English</a> · <a href="?lang=fr">Français</a> · <a href="?lang=de">Deutsch</a></p>
				<p id="instance">%s</p>
				</body></html>
				""".formatted(locale.getLanguage(), text("guestbook.greeting", locale), flash,
				text("guestbook.sign", locale), HtmlUtils.htmlEscape(this.instanceId.value()));
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String sign(@RequestParam @NotBlank @Size(max = 200) String text, Locale locale, RedirectAttributes redirect) {
		redirect.addFlashAttribute(FLASH_MESSAGE,
				this.messages.getMessage("guestbook.signed", new Object[] { text }, locale));
		return "redirect:/guestbook";
	}

	private String text(String code, Locale locale) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(code, null, locale));
	}

}
