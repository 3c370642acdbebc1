package dev.userprofile.bootstrap.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the function needs from its environment, read once at init. The DynamoDB endpoint is deliberately not here:
 * the SDK reads its standard {@code AWS_ENDPOINT_URL_DYNAMODB} itself, so local runs need no variable of our own.
 */
public record Configuration(String tableName, String region, String functionName) {

    /** Name of the profiles table; template.yaml sets it from the table resource. */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** Set by Lambda in every execution environment. */
    public static final String AWS_REGION = "AWS_REGION";
    /** Set by Lambda; names the function in its metrics. Outside Lambda (tests, tools) it may be absent. */
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    private static final String NO_FUNCTION_NAME = "local";

    public Configuration {
        Objects.requireNonNull(tableName, TABLE_NAME);
        Objects.requireNonNull(region, AWS_REGION);
        Objects.requireNonNull(functionName, AWS_LAMBDA_FUNCTION_NAME);
    }

    /**
     * @throws IllegalStateException naming every missing variable, so a bad deployment fails at init, loudly
     */
    public static Configuration fromEnvironment(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        String tableName = required(environment, TABLE_NAME, missing);
        String region = required(environment, AWS_REGION, missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing configuration: environment variable(s) " + String.join(", ", missing)
                    + " must be set (template.yaml sets TABLE_NAME; Lambda sets AWS_REGION)");
        }
        String functionName = environment.getOrDefault(AWS_LAMBDA_FUNCTION_NAME, "");
        return new Configuration(tableName, region, functionName.isBlank() ? NO_FUNCTION_NAME : functionName.strip());
    }

    private static String required(Map<String, String> environment, String name, List<String> missing) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return null;
        }
        return value.strip();
    }
}
