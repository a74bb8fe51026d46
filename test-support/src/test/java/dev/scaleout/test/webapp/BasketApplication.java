package dev.scaleout.test.webapp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kit's own test application: Spring MVC with Spring Session in Redis (JDK serialization), a basket in the
 * session, and a note whose one field does not survive the session store.
 */
@SpringBootApplication
public class BasketApplication {

	public static void main(String[] args) {
		SpringApplication.run(BasketApplication.class, args);
	}

	@RestController
	static class BasketController {

		private final String instance;

		BasketController(@Value("${scaleout.instance.id}") String instance) {
			this.instance = instance;
		}

		@PostMapping("/basket")
		String add(@RequestParam String item, HttpSession session) {
			Basket basket = (Basket) session.getAttribute("basket");
			Basket more = (basket != null) ? basket.with(item) : new Basket(List.of(item));
			session.setAttribute("basket", more);
			return more.items().size() + " " + this.instance;
		}

		@GetMapping("/basket")
		String items(HttpSession session) {
			Basket basket = (Basket) session.getAttribute("basket");
			return ((basket != null) ? String.join(",", basket.items()) : "") + " " + this.instance;
		}

		@PostMapping("/note")
		String note(@RequestParam String text, HttpSession session) {
			session.setAttribute("note", new Note(text));
			return this.instance;
		}

		@GetMapping("/")
		String home() {
			return this.instance;
		}

		@GetMapping("/fails-on-replica-b")
		ResponseEntity<String> failsOnReplicaB() {
			return ResponseEntity.status("replica-b".equals(this.instance) ? 500 : 200).body(this.instance);
		}

	}

	/**
	 * A value type with equals: reads back equal.
	 */
	public record Basket(List<String> items) implements Serializable {

		Basket with(String item) {
			List<String> more = new ArrayList<>(this.items);
			more.add(item);
			return new Basket(List.copyOf(more));
		}

	}

	/**
	 * A bean without equals whose text is transient: it reads back without it.
	 */
	public static final class Note implements Serializable {

		private final transient String text;

		private final int length;

		Note(String text) {
			this.text = text;
			this.length = text.length();
		}

		@Override
		public String toString() {
			return "Note[text=" + this.text + ", length=" + this.length + "]";
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.length);
		}

	}

}
