package dev.userprofile.application.port.in;

/** Applies a user's change to their own profile, atomically. */
public interface UpdateProfileUseCase {

    /**
     * @throws ProfileStoreUnavailableException when the store cannot be reached or refuses the request
     * @throws UserPoolUnavailableException when the pool cannot be read to register a caller without a profile
     */
    ProfileUpdateResult update(UpdateProfileCommand command);
}
