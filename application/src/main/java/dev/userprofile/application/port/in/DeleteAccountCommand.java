package dev.userprofile.application.port.in;

import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks for the caller's account to be deleted.
 *
 * @param userId   the caller's sub
 * @param username the caller's user name in the pool, as their token names it (what the pool deletes by)
 * @param signedIn when the caller last signed in with their credentials (the token's {@code auth_time}); empty when
 *                 the token does not say, which never counts as recent
 */
public record DeleteAccountCommand(UserId userId, String username, Optional<Instant> signedIn) {

    public DeleteAccountCommand {
        if (userId == null) {
            throw new InvalidUserDataException("userId", "is required");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidUserDataException("username", "is required");
        }
        if (signedIn == null) {
            throw new InvalidUserDataException("signedIn", "is required (empty when unknown)");
        }
    }
}
