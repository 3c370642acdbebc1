package dev.userprofile.adapters.api;

import java.util.Objects;

/** A request that must be answered with {@code problem} instead of going on. */
final class ProblemException extends RuntimeException {

    private final Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    Problem problem() {
        return problem;
    }
}
