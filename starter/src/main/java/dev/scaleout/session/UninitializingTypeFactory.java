package dev.scaleout.session;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;
import tools.jackson.databind.util.LookupCache;

/**
 * Jackson's type factory, except that a class named in the JSON is loaded without being initialized: Jackson loads
 * the class a type id names before it asks the type validator, and initializing it would run the static
 * initializer of any class on the class path that a value in Redis names. A trusted class is initialized when it is
 * first instantiated, as usual.
 */
final class UninitializingTypeFactory extends TypeFactory {

	UninitializingTypeFactory() {
	}

	private UninitializingTypeFactory(LookupCache<Object, JavaType> cache, ClassLoader classLoader) {
		super(cache, null, classLoader);
	}

	@Override
	protected Class<?> classForName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
		return Class.forName(name, false, loader);
	}

	@Override
	protected Class<?> classForName(String name) throws ClassNotFoundException {
		return Class.forName(name, false, UninitializingTypeFactory.class.getClassLoader());
	}

	@Override
	public TypeFactory snapshot() {
		return new UninitializingTypeFactory(this._typeCache.snapshot(), this._classLoader);
	}

	@Override
	public TypeFactory withClassLoader(ClassLoader classLoader) {
		return new UninitializingTypeFactory(this._typeCache, classLoader);
	}

	@Override
	public TypeFactory withCache(LookupCache<Object, JavaType> cache) {
		return new UninitializingTypeFactory(cache, this._classLoader);
	}

}
