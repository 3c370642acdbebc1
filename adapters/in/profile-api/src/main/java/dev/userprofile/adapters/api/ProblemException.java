package dev.userprofile.adapters.api;

import java.util.Map;
import java.util.Objects;

/** A request that must be answered with {@code problem} (and these headers) instead of going on. */
final class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(headers);
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
