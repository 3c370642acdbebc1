package dev.userprofile.adapters.api;

import java.util.Objects;

/**
 * An RFC 9457 problem: what went wrong, for the caller. The detail names a field and a rule, never a value the caller
 * sent (it may be personal data).
 */
public record Problem(String type, String title, int status, String detail) {

    private static final String TYPES = "urn:user-profile-service:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }

    static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPES + slug, title, status, detail);
    }

    static Problem invalidField(String field, String rule) {
        return of("invalid-field", "A field of the request is not acceptable", 400, field + " " + rule);
    }

    static Problem badRequest(String detail) {
        return of("invalid-request", "The request is not acceptable", 400, detail);
    }
}
