package dev.userprofile.application.testing;

class InMemoryUserRepositoryContractTest extends UserRepositoryContract<InMemoryUserRepository> {

    private final InMemoryUserRepository repository = new InMemoryUserRepository();

    @Override
    protected InMemoryUserRepository repository() {
        return repository;
    }
}
