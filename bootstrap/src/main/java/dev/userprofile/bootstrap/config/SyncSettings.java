package dev.userprofile.bootstrap.config;

import dev.userprofile.adapters.cognito.directory.CognitoClients;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sync function needs beyond {@link Configuration}: the pool it keeps the table true to, how long an
 * erasure's tombstone is kept, and (locally) where Cognito is reached.
 *
 * @param cognitoEndpoint where Cognito is reached instead of AWS's own endpoint ({@code
 *                        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}, the SDK's standard variable; Lambda never
 *                        sets it, the local stack and tests do)
 */
public record SyncSettings(String userPoolId, Duration tombstoneLifetime, Optional<URI> cognitoEndpoint) {

    /** The stack's pool; template.yaml sets it. */
    public static final String USER_POOL_ID = "USER_POOL_ID";
    /** Days an erasure's tombstone is kept before DynamoDB's Time to Live removes it; template.yaml sets it. */
    public static final String TOMBSTONE_TTL_DAYS = "TOMBSTONE_TTL_DAYS";

    static final int DEFAULT_TOMBSTONE_DAYS = 30;

    public SyncSettings {
        Objects.requireNonNull(userPoolId, USER_POOL_ID);
        Objects.requireNonNull(tombstoneLifetime, TOMBSTONE_TTL_DAYS);
        Objects.requireNonNull(cognitoEndpoint, CognitoClients.ENDPOINT_VARIABLE);
    }

    /**
     * @throws IllegalStateException naming every missing or malformed variable, so a bad deployment fails at init
     */
    public static SyncSettings fromEnvironment(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        String pool = environment.getOrDefault(USER_POOL_ID, "").strip();
        if (pool.isEmpty()) {
            problems.add(USER_POOL_ID + " must be set");
        }
        String days = environment.getOrDefault(TOMBSTONE_TTL_DAYS, "").strip();
        int tombstoneDays = DEFAULT_TOMBSTONE_DAYS;
        if (!days.isEmpty()) {
            try {
                tombstoneDays = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                tombstoneDays = -1;
            }
            if (tombstoneDays < 1 || tombstoneDays > 3650) {
                problems.add(TOMBSTONE_TTL_DAYS + " must be a whole number of days from 1 to 3650");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Missing or malformed configuration: " + String.join("; ", problems)
                    + " (template.yaml sets both)");
        }
        String endpoint =
                environment.getOrDefault(CognitoClients.ENDPOINT_VARIABLE, "").strip();
        return new SyncSettings(
                pool,
                Duration.ofDays(tombstoneDays),
                endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)));
    }
}
