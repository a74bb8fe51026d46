package dev.scaleout.deploy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.kubernetes.client.openapi.JSON;

/**
 * The Kubernetes API schema of each kind, as the Kubernetes Java client's generated models carry it. Reading an
 * object into its model rejects what the API server's strict field validation rejects: a field the schema does
 * not define (a misspelling), a required field that is missing, and a value of the wrong type.
 * <p>
 * The model of an {@code apiVersion}/{@code kind} is the body type of its create call in the group's API class
 * (for example {@code AppsV1Api.createNamespacedDeployment(String, V1Deployment)}), so an object of a kind its
 * group and version do not serve has no model and fails too.
 */
final class KubernetesSchema {

	private static final String APIS_PACKAGE = "io.kubernetes.client.openapi.apis.";

	private static final String MODELS_PACKAGE = "io.kubernetes.client.openapi.models.";

	private static final Gson YAML_TO_JSON = new Gson();

	private KubernetesSchema() {
	}

	/**
	 * Why the API server would refuse the object, or empty when the schema of its kind accepts it.
	 */
	static Optional<String> violationOf(YamlNode object) {
		String apiVersion = object.at("apiVersion").optionalText().orElse("");
		String kind = object.at("kind").optionalText().orElse("");
		Optional<Class<?>> model = modelOf(apiVersion, kind);
		if (model.isEmpty()) {
			return Optional.of(object.origin() + ": the Kubernetes API has no kind " + kind + " in " + apiVersion);
		}
		JsonElement json = YAML_TO_JSON.toJsonTree(object.value());
		try {
			JSON.getGson().fromJson(json, model.get());
			return Optional.empty();
		}
		catch (JsonParseException | IllegalArgumentException | IllegalStateException ex) {
			return Optional.of(object.origin() + " (" + apiVersion + " " + kind + "): " + rootMessage(ex));
		}
	}

	private static Optional<Class<?>> modelOf(String apiVersion, String kind) {
		int slash = apiVersion.indexOf('/');
		String group = (slash >= 0) ? apiVersion.substring(0, slash) : "";
		String version = apiVersion.substring(slash + 1);
		if (version.isEmpty() || kind.isEmpty()) {
			return Optional.empty();
		}
		Class<?> api;
		try {
			api = Class.forName(APIS_PACKAGE + apiClassPrefix(group) + capitalize(version) + "Api");
		}
		catch (ClassNotFoundException ex) {
			return Optional.empty();
		}
		return Arrays.stream(api.getMethods())
			.filter((method) -> method.getName().equals("createNamespaced" + kind)
					|| method.getName().equals("create" + kind))
			.flatMap((method) -> Arrays.stream(method.getParameterTypes()))
			.filter((type) -> type.getName().startsWith(MODELS_PACKAGE))
			.<Class<?>>map((type) -> type)
			.findFirst();
	}

	/** {@code ""} → Core, {@code apps} → Apps, {@code rbac.authorization.k8s.io} → RbacAuthorization. */
	private static String apiClassPrefix(String group) {
		if (group.isEmpty()) {
			return "Core";
		}
		return Arrays.stream(group.replace(".k8s.io", "").split("\\."))
			.map(KubernetesSchema::capitalize)
			.collect(Collectors.joining());
	}

	private static String capitalize(String word) {
		return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
	}

	/** The innermost cause's message, without the JSON of the whole object that the models append. */
	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
		int json = message.indexOf(" JSON: ");
		return (json >= 0) ? message.substring(0, json) : message;
	}

}
