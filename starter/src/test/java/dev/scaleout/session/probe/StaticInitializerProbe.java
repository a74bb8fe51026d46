package dev.scaleout.session.probe;

/**
 * A class of a package no session format trusts, whose static initializer leaves a trace.
 */
public final class StaticInitializerProbe {

	static {
		InitializationWitness.initialized = true;
	}

	public String name;

	/**
	 * Where the probe's static initializer leaves its trace.
	 */
	public static final class InitializationWitness {

		public static volatile boolean initialized;

		private InitializationWitness() {
		}

	}

}
