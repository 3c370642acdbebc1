package dev.userprofile.application.port.in;

import dev.userprofile.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backfill did, so far or in the end.
 *
 * @param seen         pool users listed
 * @param registered   users given a profile (in a dry run: who would have been)
 * @param alreadyThere eligible users who had a profile (or a tombstone: an erased user is never registered again)
 * @param skipped      users who cannot sign in yet (unconfirmed, invited), who are owed no profile
 * @param unreadable   listed users that cannot be a profile's (no well-formed sub)
 * @param failures     users whose registration failed, by sub, and why (never their data)
 * @param took         how long the run took
 * @param resumeFrom   the page to start from to go on: the page being worked on when the run stopped early, so
 *                     nothing is skipped (repeating part of it is harmless); after each page, the next one; empty
 *                     when the run reached the pool's end or stopped on its first page
 * @param stoppedBy    the outage that ended the run early, if one did
 * @param interrupted  whether the run stopped before the pool's end
 */
public record BackfillReport(
        long seen,
        long registered,
        long alreadyThere,
        long skipped,
        long unreadable,
        List<Failure> failures,
        Duration took,
        Optional<String> resumeFrom,
        Optional<String> stoppedBy,
        boolean interrupted) {

    /** A user who could not be registered. */
    public record Failure(UserId sub, String reason) {
        public Failure {
            Objects.requireNonNull(sub, "sub");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public BackfillReport {
        failures = List.copyOf(failures);
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(resumeFrom, "resumeFrom");
        Objects.requireNonNull(stoppedBy, "stoppedBy");
    }

    public double usersPerSecond() {
        return took.isZero() ? 0 : seen * 1e9 / took.toNanos();
    }
}
