package dev.userprofile.adapters.cognito.directory.priming;

import dev.userprofile.adapters.cognito.directory.CognitoUserDirectory;
import dev.userprofile.adapters.shared.cognito.priming.AttributeMappingPriming;
import dev.userprofile.adapters.shared.priming.Priming;
import dev.userprofile.domain.UserId;

/** The Cognito directory's SnapStart priming: reads of the real pool that change nothing. */
public final class DirectoryPriming {

    /** A sub no user has: the sample user's. */
    static final UserId PROBE = new UserId(AttributeMappingPriming.SAMPLE_SUB);

    private DirectoryPriming() {}

    /**
     * Each round, a lookup of a sub nobody has (Cognito's client path, a lookup that finds no one) and a read of the
     * pool's first user, dropped (so the first real lookup after a restore parses a user with code already warm).
     *
     * @throws IllegalStateException (when the part runs) if the pool has a user with the probe's sub
     */
    public static Priming requests(String name, CognitoUserDirectory directory) {
        return Priming.repeated(name, Priming.REQUEST_ROUNDS, () -> {
            lookUpProbe(directory);
            directory.firstUser();
        });
    }

    /** A lookup of the probe alone: for a function that never parses a found user before the first event. */
    public static Priming lookUps(String name, CognitoUserDirectory directory) {
        return Priming.repeated(name, Priming.REQUEST_ROUNDS, () -> lookUpProbe(directory));
    }

    private static void lookUpProbe(CognitoUserDirectory directory) {
        if (directory.findBySub(PROBE).isPresent()) {
            throw new IllegalStateException("the pool has a user with the probe's sub");
        }
    }
}
