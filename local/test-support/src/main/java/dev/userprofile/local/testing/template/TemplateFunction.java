package dev.userprofile.local.testing.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Lambda function as template.yaml defines it: handler, runtime, memory, timeout, log format and environment, so
 * local runs use the deployed definition rather than a copy of it.
 */
public record TemplateFunction(
        String logicalId,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        String logFormat,
        Map<String, Object> environment) {

    public TemplateFunction {
        environment = Map.copyOf(environment);
    }

    public static TemplateFunction fromTemplate(Path template, String logicalId) {
        Map<String, Object> properties = CloudFormationYaml.properties(
                CloudFormationYaml.load(template), logicalId, "AWS::Serverless::Function");
        Map<String, Object> environment = properties.get("Environment") instanceof Map<?, ?> env
                        && env.get("Variables") instanceof Map<?, ?> variables
                ? CloudFormationYaml.map(variables, logicalId + ".Environment.Variables")
                : Map.of();
        String logFormat = properties.get("LoggingConfig") instanceof Map<?, ?> logging
                        && logging.get("LogFormat") instanceof String format
                ? format
                : "Text";
        return new TemplateFunction(
                logicalId,
                (String) properties.get("Handler"),
                (String) properties.get("Runtime"),
                ((Number) properties.getOrDefault("MemorySize", 128)).intValue(),
                ((Number) properties.getOrDefault("Timeout", 3)).intValue(),
                logFormat,
                environment);
    }

    /**
     * The environment with every {@code !Ref} replaced by the local name of the resource it refers to, e.g. the
     * profiles table's local name for {@code !Ref ProfilesTable}.
     *
     * @throws IllegalArgumentException for a reference or intrinsic that has no local meaning
     */
    public Map<String, String> resolvedEnvironment(Map<String, String> localResourceNames) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((name, value) -> resolved.put(
                name,
                resolve(value, localResourceNames)
                        .orElseThrow(() -> new IllegalArgumentException("environment variable " + name + " of "
                                + logicalId + " has no local value: " + value))));
        return resolved;
    }

    /**
     * The conditions that hold in a local stack: it always creates its own pool. Every other condition is false
     * there.
     */
    static final Set<String> LOCAL_CONDITIONS = Set.of("CreateUserPool");

    private static Optional<String> resolve(Object value, Map<String, String> localNames) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            if (intrinsic.get("Ref") instanceof String target) {
                return Optional.ofNullable(localNames.get(target));
            }
            if (intrinsic.get("Fn::If") instanceof List<?> branches
                    && branches.size() == 3
                    && branches.get(0) instanceof String condition) {
                return resolve(branches.get(LOCAL_CONDITIONS.contains(condition) ? 1 : 2), localNames);
            }
        }
        return Optional.empty();
    }
}
