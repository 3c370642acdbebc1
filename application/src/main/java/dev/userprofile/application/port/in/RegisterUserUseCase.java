package dev.userprofile.application.port.in;

/** Registers a newly confirmed user. Idempotent: registering the same user again changes nothing. */
public interface RegisterUserUseCase {

    /**
     * @throws ProfileStoreUnavailableException when the store cannot be reached or refuses the request
     */
    RegistrationResult register(RegisterUserCommand command);
}
