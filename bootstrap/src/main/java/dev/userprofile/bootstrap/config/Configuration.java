package dev.userprofile.bootstrap.config;

import dev.userprofile.adapters.dynamodb.DynamoDbClients;
import dev.userprofile.adapters.shared.logging.MetricDimensions;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the function needs from its environment, read once at init from the variables it is given (Lambda's, or a
 * test's or a tool's own map: nothing here reads the process environment by itself).
 *
 * @param dynamoDbEndpoint    where DynamoDB is reached instead of AWS's own endpoint ({@code AWS_ENDPOINT_URL_DYNAMODB},
 *                            the SDK's standard variable; Lambda never sets it, local stacks and tests do)
 * @param credentialVariables the variables through which Lambda hands over credentials: the container endpoint (with
 *                            SnapStart) or the key variables (without); redacted from {@link #toString()}
 */
public record Configuration(
        String tableName,
        String region,
        String functionName,
        Optional<String> functionVersion,
        Optional<URI> dynamoDbEndpoint,
        Map<String, String> credentialVariables) {

    /** Name of the profiles table; template.yaml sets it from the table resource. */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** Set by Lambda in every execution environment. */
    public static final String AWS_REGION = "AWS_REGION";
    /** Set by Lambda; names the function in its metrics. Outside Lambda (tests, tools) it may be absent. */
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /**
     * Set by Lambda: the version that is running (with SnapStart, the published version the snapshot belongs to);
     * a deployment's alarms watch that version's metrics. Absent outside Lambda.
     */
    public static final String AWS_LAMBDA_FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";

    public static final String AWS_ENDPOINT_URL_DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    /** The variables that carry credentials, as Lambda sets them: the ones the DynamoDB adapter's clients read. */
    public static final List<String> CREDENTIAL_VARIABLES = DynamoDbClients.CREDENTIAL_VARIABLES;

    private static final String NO_FUNCTION_NAME = "local";

    public Configuration {
        Objects.requireNonNull(tableName, TABLE_NAME);
        Objects.requireNonNull(region, AWS_REGION);
        Objects.requireNonNull(functionName, AWS_LAMBDA_FUNCTION_NAME);
        Objects.requireNonNull(functionVersion, AWS_LAMBDA_FUNCTION_VERSION);
        Objects.requireNonNull(dynamoDbEndpoint, AWS_ENDPOINT_URL_DYNAMODB);
        credentialVariables = Map.copyOf(credentialVariables);
    }

    /**
     * @throws IllegalStateException naming every missing variable, so a bad deployment fails at init, loudly
     */
    public static Configuration fromEnvironment(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        String tableName = required(environment, TABLE_NAME, missing);
        String region = required(environment, AWS_REGION, missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "Missing configuration: environment variable(s) " + String.join(", ", missing)
                            + " must be set (template.yaml sets TABLE_NAME; Lambda sets AWS_REGION)");
        }
        String functionName = environment.getOrDefault(AWS_LAMBDA_FUNCTION_NAME, "");
        String functionVersion = environment.getOrDefault(AWS_LAMBDA_FUNCTION_VERSION, "");
        String endpoint = environment.getOrDefault(AWS_ENDPOINT_URL_DYNAMODB, "");
        Map<String, String> credentials = new HashMap<>();
        CREDENTIAL_VARIABLES.forEach(name -> {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                credentials.put(name, value.strip());
            }
        });
        return new Configuration(
                tableName,
                region,
                functionName.isBlank() ? NO_FUNCTION_NAME : functionName.strip(),
                functionVersion.isBlank() ? Optional.empty() : Optional.of(functionVersion.strip()),
                endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.strip())),
                credentials);
    }

    /** What the function's embedded metrics are dimensioned by: its name and the version running. */
    public MetricDimensions metricDimensions() {
        return new MetricDimensions(functionName, functionVersion);
    }

    private static String required(Map<String, String> environment, String name, List<String> missing) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return null;
        }
        return value.strip();
    }

    /** Names which credential variables are set, never their values. */
    @Override
    public String toString() {
        return "Configuration[tableName=" + tableName + ", region=" + region + ", functionName=" + functionName
                + ", functionVersion=" + functionVersion
                + ", dynamoDbEndpoint=" + dynamoDbEndpoint + ", credentialVariables=" + credentialVariables.keySet()
                + "]";
    }
}
