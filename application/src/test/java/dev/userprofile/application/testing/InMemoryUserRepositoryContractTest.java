package dev.userprofile.application.testing;

import dev.userprofile.application.port.out.UserRepository;
import dev.userprofile.application.port.out.UserUpdater;

class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    private final InMemoryUserRepository repository = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return repository;
    }

    @Override
    protected UserUpdater updater() {
        return repository;
    }
}
