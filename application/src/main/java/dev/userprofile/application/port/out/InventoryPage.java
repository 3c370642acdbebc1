package dev.userprofile.application.port.out;

import dev.userprofile.domain.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of stored users, and where the next page starts (an opaque position), if there is one. */
public record InventoryPage(List<User> users, Optional<String> next) {

    public InventoryPage {
        users = List.copyOf(users);
        Objects.requireNonNull(next, "next");
    }
}
