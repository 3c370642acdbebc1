package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.adapters.cognito.attributes.CognitoUserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A user as the pool lists them: status, creation date and attributes (strings, as Cognito keeps them). */
public record PoolUser(String status, Instant createdAt, Map<String, String> attributes) {

    public PoolUser {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> sub() {
        return Optional.ofNullable(attributes.get("sub")).filter(sub -> !sub.isBlank());
    }

    public boolean eligible() {
        return CognitoUserStatus.eligible(status);
    }
}
