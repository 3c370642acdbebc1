package dev.userprofile.application.service;

import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.out.UserDirectoryUnavailableException;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import java.util.Objects;

/**
 * Turns an outbound port's failure into the inbound port's, so that inbound adapters know use cases only. Every
 * service answers through it; one that calls another use case sees that one's failures already turned, which is
 * why turning twice changes nothing.
 */
final class PortFailures {

    /** A call that may fail as a port does; {@code X} is the checked exception it may also throw. */
    @FunctionalInterface
    interface Call<T, X extends Exception> {
        T call() throws X;
    }

    private PortFailures() {}

    static <T, X extends Exception> T reported(Call<T, X> call) throws X {
        Objects.requireNonNull(call, "call");
        try {
            return call.call();
        } catch (UserStoreUnavailableException e) {
            throw new ProfileStoreUnavailableException(messageOf(e), e);
        } catch (UserDirectoryUnavailableException e) {
            throw new UserPoolUnavailableException(messageOf(e), e, e.passing());
        }
    }

    /** What a failure says, or its kind when it says nothing: how services name a failure in what they report. */
    static String messageOf(RuntimeException e) {
        return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    }
}
