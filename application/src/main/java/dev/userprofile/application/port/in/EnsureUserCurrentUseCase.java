package dev.userprofile.application.port.in;

/**
 * Keeps a signing-in user's profile there and current, for a path that runs on every sign-in for users who mostly
 * have an up-to-date profile: the common case costs one read and no write. A user with no profile is registered; a
 * user whose identity (email, phone, their verification, identity provider) differs from the stored one has it
 * refreshed with one conditional write. Names and locale are never touched (ADR 0018).
 */
public interface EnsureUserCurrentUseCase {

    /**
     * @throws ProfileStoreUnavailableException when the store cannot be reached or refuses the request
     */
    RegistrationResult ensureCurrent(RegisterUserCommand command);
}
