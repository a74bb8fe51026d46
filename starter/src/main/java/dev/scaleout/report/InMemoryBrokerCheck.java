package dev.scaleout.report;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

/**
 * Finds Spring's in-memory STOMP broker ({@code enableSimpleBroker}, also the default of
 * {@code @EnableWebSocketMessageBroker}): it only knows the subscribers connected to its own replica.
 */
final class InMemoryBrokerCheck implements ReplicationCheck {

	static final String ID = "in-memory-broker";

	private final ListableBeanFactory beans;

	InMemoryBrokerCheck(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		this.beans.getBeansOfType(SimpleBrokerMessageHandler.class, false, false)
			.forEach((name, broker) -> report.finding(ID, "'" + name + "' is Spring's in-memory STOMP broker (for "
					+ String.join(", ", broker.getDestinationPrefixes()) + "): a client subscribed on one replica"
					+ " never sees a message sent on another",
					"Relay to a broker that every replica shares: registry.enableStompBrokerRelay(...) in your"
							+ " WebSocketMessageBrokerConfigurer, to RabbitMQ or ActiveMQ with STOMP enabled"));
	}

}
