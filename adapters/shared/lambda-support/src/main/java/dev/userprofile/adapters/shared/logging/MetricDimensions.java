package dev.userprofile.adapters.shared.logging;

import java.util.Objects;
import java.util.Optional;

/**
 * What a function's embedded metrics are dimensioned by: its name, and for a function that Cognito or API Gateway
 * invokes through an alias also its version, so that a deployment's alarms can watch the new version alone while the
 * alias still sends most traffic to the old one.
 *
 * @param functionName    Lambda's {@code AWS_LAMBDA_FUNCTION_NAME}
 * @param functionVersion Lambda's {@code AWS_LAMBDA_FUNCTION_VERSION}; empty for no per-version metrics
 */
public record MetricDimensions(String functionName, Optional<String> functionVersion) {

    /** The dimension valued with the version, named as Lambda names its own (AWS/Lambda's ExecutedVersion). */
    public static final String VERSION_DIMENSION = "ExecutedVersion";

    public MetricDimensions {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(functionVersion, "functionVersion");
        if (functionVersion.isPresent() && functionVersion.get().isBlank()) {
            throw new IllegalArgumentException("functionVersion is blank");
        }
    }

    /** By the function's name alone. */
    public static MetricDimensions byName(String functionName) {
        return new MetricDimensions(functionName, Optional.empty());
    }
}
