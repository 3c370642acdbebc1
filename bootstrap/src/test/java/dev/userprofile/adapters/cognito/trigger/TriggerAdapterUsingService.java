package dev.userprofile.adapters.cognito.trigger;

import dev.userprofile.application.service.RegisterUserService;

/**
 * Known-bad fixture for the architecture rules: the trigger adapter reaching for a service instead of its use case.
 * It sits in the trigger's own package (test sources only) because that is the package the rule guards.
 */
public class TriggerAdapterUsingService {
    private final RegisterUserService service;

    public TriggerAdapterUsingService(RegisterUserService service) {
        this.service = service;
    }
}
