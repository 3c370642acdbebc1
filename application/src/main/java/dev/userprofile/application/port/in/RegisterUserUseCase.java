package dev.userprofile.application.port.in;

/** Registers a newly confirmed user. Idempotent: registering the same user again changes nothing. */
public interface RegisterUserUseCase {

    RegistrationResult register(RegisterUserCommand command);
}
