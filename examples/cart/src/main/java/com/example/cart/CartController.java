package com.example.cart;

import java.security.Principal;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The cart page and its form; the cart lives in the session.
 */
@RestController
@Validated
class CartController {

	@GetMapping(path = "/cart", produces = MediaType.TEXT_HTML_VALUE)
	String cart(HttpSession session, Principal user, CsrfToken csrf) {
		StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body><h1>Cart of ")
			.append(htmlEscape(user.getName()))
			.append("</h1><ul id=\"lines\">");
		for (Cart.Line line : cart(session).lines()) {
			page.append("<li>")
				.append(line.quantity())
				.append(" × ")
				.append(htmlEscape(line.sku()))
				.append("</li>");
		}
		return page.append("</ul><form method=\"post\" action=\"/cart/items\">")
			.append("<input name=\"sku\"><input name=\"quantity\" value=\"1\">")
			.append("<input type=\"hidden\" name=\"")
			.append(csrf.getParameterName())
			.append("\" value=\"")
			.append(csrf.getToken())
			.append("\"><button>Add</button></form></body></html>")
			.toString();
	}

	@PostMapping("/cart/items")
	RedirectView add(@RequestParam @Pattern(regexp = "[a-z0-9-]{1,40}") String sku,
			@RequestParam @Min(1) @Max(99) int quantity, HttpSession session) {
		session.setAttribute(Cart.ATTRIBUTE, cart(session).add(sku, quantity));
		return new RedirectView("/cart");
	}

	private static Cart cart(HttpSession session) {
		@Nullable Cart cart = (Cart) session.getAttribute(Cart.ATTRIBUTE);
		return (cart != null) ? cart : Cart.empty();
	}

}
