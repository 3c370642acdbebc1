package dev.userprofile.adapters.cognito.admin;

import java.util.List;
import java.util.Optional;

/** One page of a pool's users, and the token of the next page if there is one. */
public record PoolUsersPage(List<PoolUser> users, Optional<String> nextToken) {

    public PoolUsersPage {
        users = List.copyOf(users);
    }
}
