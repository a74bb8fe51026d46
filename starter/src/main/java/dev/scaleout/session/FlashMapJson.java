package dev.scaleout.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.web.servlet.FlashMap;

/**
 * Spring MVC's {@link FlashMap} in JSON, whole. Jackson alone would write it as a plain map and lose what makes it
 * a flash map — the path and parameters of the request it is meant for, and when it expires — so that a redirect
 * served by another replica would show no message, or the wrong one.
 * <p>
 * The form is {@code {"@class":"org.springframework.web.servlet.FlashMap","attributes":{…},
 * "targetRequestPath":"/done","targetRequestParams":{"id":["1"]},"expirationTime":1767225600000}}, the
 * attributes typed like any other session value.
 */
final class FlashMapJson {

	private static final String ATTRIBUTES = "attributes";

	private static final String TARGET_REQUEST_PATH = "targetRequestPath";

	private static final String TARGET_REQUEST_PARAMS = "targetRequestParams";

	private static final String EXPIRATION_TIME = "expirationTime";

	private FlashMapJson() {
	}

	static void addTo(JsonMapper.Builder mapper, BasicPolymorphicTypeValidator.Builder validator) {
		validator.allowIfSubType(FlashMap.class);
		mapper.addModule(new SimpleModule("scaleout-flash-map").addSerializer(FlashMap.class, new Writer())
			.addDeserializer(FlashMap.class, new Reader()));
	}

	private static JavaType attributesType(DatabindContext context) {
		return context.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
	}

	private static final class Writer extends StdSerializer<FlashMap> {

		Writer() {
			super(FlashMap.class);
		}

		@Override
		public void serialize(FlashMap flashMap, JsonGenerator generator, SerializationContext context)
				throws JacksonException {
			generator.writeStartObject(flashMap);
			writeProperties(flashMap, generator, context);
			generator.writeEndObject();
		}

		@Override
		public void serializeWithType(FlashMap flashMap, JsonGenerator generator, SerializationContext context,
				TypeSerializer typeSerializer) throws JacksonException {
			WritableTypeId typeId = typeSerializer.writeTypePrefix(generator, context,
					typeSerializer.typeId(flashMap, JsonToken.START_OBJECT));
			writeProperties(flashMap, generator, context);
			typeSerializer.writeTypeSuffix(generator, context, typeId);
		}

		private static void writeProperties(FlashMap flashMap, JsonGenerator generator, SerializationContext context) {
			generator.writeName(ATTRIBUTES);
			context.findRootValueSerializer(attributesType(context))
				.serialize(new LinkedHashMap<>(flashMap), generator, context);
			if (flashMap.getTargetRequestPath() != null) {
				generator.writeStringProperty(TARGET_REQUEST_PATH, flashMap.getTargetRequestPath());
			}
			generator.writeName(TARGET_REQUEST_PARAMS);
			generator.writeStartObject();
			for (Map.Entry<String, List<String>> param : flashMap.getTargetRequestParams().entrySet()) {
				generator.writeName(param.getKey());
				generator.writeStartArray();
				for (String value : param.getValue()) {
					generator.writeString(value);
				}
				generator.writeEndArray();
			}
			generator.writeEndObject();
			generator.writeNumberProperty(EXPIRATION_TIME, flashMap.getExpirationTime());
		}

	}

	private static final class Reader extends StdDeserializer<FlashMap> {

		Reader() {
			super(FlashMap.class);
		}

		@Override
		public FlashMap deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			FlashMap flashMap = new FlashMap();
			JsonToken token = parser.currentToken();
			if (token == JsonToken.START_OBJECT) {
				token = parser.nextToken();
			}
			for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				parser.nextToken();
				switch (name) {
					case ATTRIBUTES -> flashMap.putAll(readAttributes(parser, context));
					case TARGET_REQUEST_PATH -> flashMap.setTargetRequestPath(parser.getValueAsString());
					case TARGET_REQUEST_PARAMS -> readParams(parser, flashMap);
					case EXPIRATION_TIME -> flashMap.setExpirationTime(parser.getLongValue());
					default -> context.handleUnknownProperty(parser, this, FlashMap.class, name);
				}
			}
			return flashMap;
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> readAttributes(JsonParser parser, DeserializationContext context) {
			return (Map<String, Object>) context.findContextualValueDeserializer(attributesType(context), null)
				.deserialize(parser, context);
		}

		private static void readParams(JsonParser parser, FlashMap flashMap) {
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String param = parser.currentName();
				parser.nextToken();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					flashMap.getTargetRequestParams().add(param, parser.getValueAsString());
				}
			}
		}

	}

}
