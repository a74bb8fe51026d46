package dev.scaleout.kit.app;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.scaleout.kit.Bookmark;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app on the starter for the test kit's assertions: a shelf of its own type in the session, a bookmark of a type
 * outside its packages (not trusted by the session JSON), and a {@code @Scheduled} job without a lock, which the
 * replication report finds. The job first fires an hour after the start.
 */
@SpringBootApplication
@EnableScheduling
public class ShelfApplication {

	@RestController
	static class ShelfController {

		@PostMapping("/shelf")
		String shelve(@RequestParam String book, HttpSession session) {
			session.setAttribute("shelf", new Shelf(List.of(book)));
			return book;
		}

		@PostMapping("/bookmark")
		String bookmark(@RequestParam int page, HttpSession session) {
			session.setAttribute("bookmark", new Bookmark(page));
			return Integer.toString(page);
		}

	}

	@Component
	static class Jobs {

		@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
		void reindex() {
		}

	}

	/**
	 * A type of the application's own package: trusted.
	 * @param books the books on the shelf
	 */
	public record Shelf(List<String> books) {
	}

}
