package dev.userprofile.adapters.shared.cognito;

import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import java.util.List;
import java.util.Objects;

/** A user's Cognito attributes in the domain's terms, with the optional attributes that had to be left out. */
public record MappedAttributes(UserId userId, UserProfile profile, List<DroppedAttribute> dropped) {

    public MappedAttributes {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(profile, "profile");
        dropped = List.copyOf(dropped);
    }
}
