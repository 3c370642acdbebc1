package dev.userprofile.application.port.in;

/**
 * A user deletes their own account: the user pool's user first, then the profile's personal data (ADR 0022).
 */
public interface DeleteAccountUseCase {

    /**
     * @throws UserPoolUnavailableException when the pool's user could not be deleted; nothing was erased, and the
     *         caller may try again
     * @throws ProfileStoreUnavailableException when the store cannot be read before the deletion
     */
    AccountDeletionResult deleteAccount(DeleteAccountCommand command);
}
