package dev.userprofile.application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the pool's users, in the domain's terms, and where the next page starts. {@code unreadable} counts
 * users the page held that cannot be a profile's (no well-formed sub): they are listed by nobody.
 */
public record DirectoryPage(List<DirectoryUser> users, int unreadable, Optional<String> nextPage) {

    public DirectoryPage {
        users = List.copyOf(users);
        if (unreadable < 0) {
            throw new IllegalArgumentException("unreadable must not be negative");
        }
        Objects.requireNonNull(nextPage, "nextPage");
    }
}
