package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.adapters.cognito.attributes.CognitoAttributesMapper;
import dev.userprofile.adapters.cognito.attributes.InvalidAttributesException;
import dev.userprofile.adapters.cognito.attributes.MappedAttributes;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.RegistrationResult;
import dev.userprofile.application.port.out.CallPacer;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.application.port.out.UserRepositoryUnavailableException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Gives every eligible user of a pool a profile, page by page: the same attribute mapping and the same idempotent
 * registration as the trigger, dated with the user's creation in Cognito. Existing profiles are never changed.
 */
public final class Backfill {

    /** What the operator asked for. */
    public record Options(String userPoolId, boolean dryRun, Optional<String> resumeToken) {
        public Options {
            Objects.requireNonNull(userPoolId, "userPoolId");
            Objects.requireNonNull(resumeToken, "resumeToken");
        }
    }

    /** A user who could not be registered, by sub, and why (no personal data). */
    public record Failure(String sub, String reason) {}

    /**
     * What a run did. {@code resumeToken} is the page to start from to continue an interrupted run (the page that
     * was being worked on, so nothing is skipped; repeating part of it is harmless); empty when it stopped on the
     * pool's first page. {@code stoppedBy} names the Cognito error that ended the run early, if one did.
     */
    public record Report(
            long seen,
            long registered,
            long alreadyThere,
            long skipped,
            List<Failure> failures,
            Duration took,
            boolean interrupted,
            Optional<String> resumeToken,
            Optional<String> stoppedBy) {

        public double usersPerSecond() {
            return took.isZero() ? 0 : seen * 1e9 / took.toNanos();
        }
    }

    private final UserPoolDirectory directory;
    private final CognitoAttributesMapper mapper;
    private final RegisterUserUseCase registerUser;
    private final UserLoader users;
    private final CallPacer rate;
    private final PrintStream progress;
    private final LongSupplier nanoTime;

    public Backfill(
            UserPoolDirectory directory,
            CognitoAttributesMapper mapper,
            RegisterUserUseCase registerUser,
            UserLoader users,
            CallPacer rate,
            PrintStream progress,
            LongSupplier nanoTime) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
        this.users = Objects.requireNonNull(users, "users");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * @param stop set (by a Ctrl-C handler) to end the run after the current user; the report then carries the
     *             token to resume from
     */
    public Report run(Options options, AtomicBoolean stop) throws InterruptedException {
        long start = nanoTime.getAsLong();
        long seen = 0;
        long registered = 0;
        long already = 0;
        long skipped = 0;
        List<Failure> failures = new ArrayList<>();
        Optional<String> token = options.resumeToken();
        boolean interrupted = false;
        Optional<String> stoppedBy = Optional.empty();
        pages:
        while (true) {
            if (stop.get()) {
                interrupted = true;
                break;
            }
            rate.awaitTurn();
            PoolUsersPage page;
            try {
                page = directory.page(options.userPoolId(), token);
            } catch (SdkException e) {
                if (!isTransient(e)) {
                    throw e; // a wrong pool, a missing permission, a bad --resume token: resuming would not help
                }
                // Retries are spent on an outage: stop with what was done and where to resume, not a bare error.
                interrupted = true;
                stoppedBy = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
                break;
            }
            for (PoolUser user : page.users()) {
                if (stop.get()) {
                    interrupted = true;
                    break pages;
                }
                seen++;
                if (!user.eligible()) {
                    skipped++;
                    continue;
                }
                switch (register(user, options.dryRun())) {
                    case Outcome.Registered r -> registered++;
                    case Outcome.AlreadyThere a -> already++;
                    case Outcome.Failed failed ->
                        failures.add(new Failure(user.sub().orElse("(no sub)"), failed.reason()));
                }
            }
            long elapsed = nanoTime.getAsLong() - start;
            progress.printf(
                    "backfill: %d seen, %d %s, %d already there, %d skipped, %d failed, %.0f users/s%s%n",
                    seen,
                    registered,
                    options.dryRun() ? "would be registered" : "registered",
                    already,
                    skipped,
                    failures.size(),
                    elapsed == 0 ? 0.0 : seen * 1e9 / elapsed,
                    page.nextToken().map(t -> "; next page: --resume " + t).orElse(""));
            if (page.nextToken().isEmpty()) {
                token = Optional.empty();
                break;
            }
            token = page.nextToken();
        }
        return new Report(
                seen,
                registered,
                already,
                skipped,
                List.copyOf(failures),
                Duration.ofNanos(nanoTime.getAsLong() - start),
                interrupted,
                interrupted ? token : Optional.empty(),
                stoppedBy);
    }

    /** Throttling, a server error or no answer at all: worth resuming later. */
    private static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return true;
    }

    private sealed interface Outcome {
        record Registered() implements Outcome {}

        record AlreadyThere() implements Outcome {}

        record Failed(String reason) implements Outcome {}
    }

    private Outcome register(PoolUser user, boolean dryRun) {
        MappedAttributes mapped;
        try {
            mapped = mapper.toProfile(user.attributes(), "attributes");
        } catch (InvalidAttributesException e) {
            return new Outcome.Failed(e.getMessage());
        }
        RegisterUserCommand command =
                new RegisterUserCommand(mapped.userId(), mapped.profile()).joinedAt(user.createdAt());
        try {
            if (dryRun) {
                return users.exists(command.userId()) ? new Outcome.AlreadyThere() : new Outcome.Registered();
            }
            return switch (registerUser.register(command)) {
                case RegistrationResult.Registered r -> new Outcome.Registered();
                case RegistrationResult.AlreadyRegistered a -> new Outcome.AlreadyThere();
                // A registration never refreshes; only a sign-in does.
                case RegistrationResult.Refreshed r -> new Outcome.AlreadyThere();
            };
        } catch (UserRepositoryUnavailableException e) {
            return new Outcome.Failed(e.getMessage());
        }
    }
}
