package dev.userprofile.application.port.in;

import java.util.Objects;
import java.util.Set;

/** Which stored versions a change may apply to: what an HTTP {@code If-Match} asks. */
public sealed interface VersionCondition {

    /** Any version (no {@code If-Match}): a lost race is retried on the fresh profile. */
    record Any() implements VersionCondition {}

    /** Whatever version, as long as there is a profile ({@code If-Match: *}); a lost race is reported. */
    record Exists() implements VersionCondition {}

    /** Only these versions (the entity tags of {@code If-Match}); none of them is reported, as is a lost race. */
    record OneOf(Set<Long> versions) implements VersionCondition {
        public OneOf {
            versions = Set.copyOf(Objects.requireNonNull(versions, "versions"));
        }
    }

    /** Whether a change at {@code version} meets the condition. */
    default boolean admits(long version) {
        return !(this instanceof OneOf oneOf) || oneOf.versions().contains(version);
    }
}
