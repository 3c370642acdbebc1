package dev.userprofile.adapters.cognito.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A user as the pool lists them: status, creation date and attributes (strings, as Cognito keeps them). */
public record PoolUser(String status, Instant createdAt, Map<String, String> attributes) {

    /**
     * The statuses of users who can sign in, and so are owed a profile: confirmed, federated, and imported users
     * waiting for their first password reset. Unconfirmed users and invited users who have not signed in yet are not.
     */
    public static final Set<String> ELIGIBLE_STATUSES = Set.of("CONFIRMED", "EXTERNAL_PROVIDER", "RESET_REQUIRED");

    public PoolUser {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> sub() {
        return Optional.ofNullable(attributes.get("sub")).filter(sub -> !sub.isBlank());
    }

    public boolean eligible() {
        return ELIGIBLE_STATUSES.contains(status);
    }
}
