package dev.userprofile.application.port.in;

/**
 * Registers a user who has no profile yet, for paths that run again and again for users who mostly have one (every
 * sign-in): the common case costs one read and no write. Never changes an existing profile.
 */
public interface EnsureUserRegisteredUseCase {

    RegistrationResult ensureRegistered(RegisterUserCommand command);
}
