package dev.userprofile.application.port.in;

/** Applies a user's change to their own profile, atomically. */
public interface UpdateProfileUseCase {

    ProfileUpdateResult update(UpdateProfileCommand command);
}
