package dev.userprofile.adapters.cognito;

import dev.userprofile.application.port.in.RegisterUserCommand;
import java.util.List;
import java.util.Objects;

/** A registration built from Cognito attributes, with the optional attributes that had to be left out. */
public record MappedRegistration(RegisterUserCommand command, List<DroppedAttribute> dropped) {

    public MappedRegistration {
        Objects.requireNonNull(command, "command");
        dropped = List.copyOf(dropped);
    }
}
