package dev.userprofile.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Asks for a backfill.
 *
 * @param dryRun        count who would be registered, write nothing
 * @param startPage     the listing's page to start from (a report's {@code resumeFrom}); empty for the first page
 * @param stopRequested polled before each user: once true the run ends after the current user, and its report says
 *                      where to resume
 * @param afterPage     told what the run has done so far after each page (progress for an operator)
 */
public record BackfillCommand(
        boolean dryRun, Optional<String> startPage, BooleanSupplier stopRequested, Consumer<BackfillReport> afterPage) {

    public BackfillCommand {
        Objects.requireNonNull(startPage, "startPage");
        Objects.requireNonNull(stopRequested, "stopRequested");
        Objects.requireNonNull(afterPage, "afterPage");
    }
}
