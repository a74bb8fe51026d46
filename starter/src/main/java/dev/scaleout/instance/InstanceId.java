package dev.scaleout.instance;

import org.springframework.util.Assert;

/**
 * The id of this replica, for code that wants to say which replica did something.
 */
public final class InstanceId {

	private final String value;

	/**
	 * Creates an id.
	 * @param value the id, not empty
	 */
	public InstanceId(String value) {
		Assert.hasText(value, "'value' must not be empty");
		this.value = value;
	}

	/**
	 * Returns the id as text.
	 * @return the id
	 */
	public String value() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof InstanceId id) && this.value.equals(id.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
