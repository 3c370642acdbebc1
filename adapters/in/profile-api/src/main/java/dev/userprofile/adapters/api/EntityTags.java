package dev.userprofile.adapters.api;

import dev.userprofile.application.port.in.VersionCondition;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A profile's version as an HTTP entity tag, and what an {@code If-Match} header asks of it (RFC 9110, 13.1.1). */
final class EntityTags {

    private EntityTags() {}

    /** A strong entity tag of a version: {@code "3"}. */
    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * What {@code If-Match} admits: any version without the header, any stored version for {@code *}, else the
     * versions its strong tags name (weak tags never match: If-Match compares strongly). A list naming none admits
     * no version.
     */
    static VersionCondition condition(Optional<String> ifMatch) {
        if (ifMatch.isEmpty()) {
            return new VersionCondition.Any();
        }
        if (ifMatch.get().strip().equals("*")) {
            return new VersionCondition.Exists();
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.get().split(",")) {
            String trimmed = tag.strip();
            if (trimmed.length() > 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                String digits = trimmed.substring(1, trimmed.length() - 1);
                // Compared as strings (strong comparison): "03" is no tag of version 3.
                if (digits.matches("0|[1-9][0-9]{0,17}")) {
                    versions.add(Long.parseLong(digits));
                }
            }
        }
        return new VersionCondition.OneOf(versions);
    }
}
