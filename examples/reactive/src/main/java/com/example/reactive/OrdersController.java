package com.example.reactive;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders, as an annotated WebFlux controller: it reads JSON and numbers from the request.
 */
@RestController
class OrdersController {

	@GetMapping("/orders/{id}")
	Mono<Order> order(@PathVariable long id) {
		return Mono.just(new Order(id, "coffee", 1));
	}

	@PostMapping("/orders")
	Mono<ResponseEntity<Order>> place(@RequestBody Mono<Order> order) {
		return order.map((placed) -> ResponseEntity.created(URI.create("/orders/" + placed.id())).body(placed));
	}

	record Order(long id, String item, int quantity) {
	}

}
