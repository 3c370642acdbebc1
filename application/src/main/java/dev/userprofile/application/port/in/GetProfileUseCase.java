package dev.userprofile.application.port.in;

import dev.userprofile.domain.UserId;

/**
 * A caller's own profile. A caller with a valid token and no profile (a session kept alive with refresh tokens never
 * passes through the sign-in trigger) is registered first, when the pool has them (ADR 0023).
 */
public interface GetProfileUseCase {

    /**
     * @throws ProfileStoreUnavailableException when the store cannot be read
     * @throws UserPoolUnavailableException when the caller has no profile
     *         and the pool cannot be read to register them
     */
    CallerProfile getProfile(UserId id);
}
