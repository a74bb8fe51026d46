package com.example.shop;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's pages: the catalog with the cart, adding to it (redirect-after-POST with a flash message) and
 * emptying it.
 */
@Controller
public class CartController {

	static final String CART = "cart";

	private final Catalog catalog;

	public CartController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	public String home() {
		return "redirect:/cart";
	}

	@GetMapping("/cart")
	public String cart(@SessionAttribute(name = CART, required = false) @Nullable Cart cart, Model model) {
		model.addAttribute(CART, (cart != null) ? cart : Cart.EMPTY);
		model.addAttribute("products", this.catalog.all());
		return "cart";
	}

	@PostMapping("/cart")
	public String add(@RequestParam String product, HttpSession session, RedirectAttributes redirect) {
		Product chosen = this.catalog.find(product)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such product: " + product));
		Cart cart = (session.getAttribute(CART) instanceof Cart current) ? current : Cart.EMPTY;
		session.setAttribute(CART, cart.add(chosen));
		redirect.addFlashAttribute("added", chosen.name());
		return "redirect:/cart";
	}

	@PostMapping("/cart/clear")
	public String clear(HttpSession session) {
		session.removeAttribute(CART);
		return "redirect:/cart";
	}

}
