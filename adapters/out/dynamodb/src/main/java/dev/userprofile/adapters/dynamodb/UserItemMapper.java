package dev.userprofile.adapters.dynamodb;

import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.VerifiablePhone;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import java.time.Instant;
import java.util.Optional;

/** Maps between the domain's {@link User} and the stored {@link UserItem}. */
final class UserItemMapper {

    private UserItemMapper() {
    }

    static UserItem toItem(User user) {
        UserProfile profile = user.profile();
        return UserItem.builder()
                .userId(user.id().value())
                .email(profile.email().map(e -> e.address().value()).orElse(null))
                .emailVerified(profile.email().map(VerifiableEmail::verified).orElse(null))
                .phoneNumber(profile.phone().map(p -> p.number().value()).orElse(null))
                .phoneNumberVerified(profile.phone().map(VerifiablePhone::verified).orElse(null))
                .givenName(profile.givenName().map(Name::value).orElse(null))
                .familyName(profile.familyName().map(Name::value).orElse(null))
                .displayName(profile.displayName().map(Name::value).orElse(null))
                .locale(profile.locale().map(LanguageTag::value).orElse(null))
                .identityProvider(profile.identityProvider().map(IdentityProvider::name).orElse(null))
                .registeredAt(user.registeredAt().toString())
                .updatedAt(user.updatedAt().map(Instant::toString).orElse(null))
                .version(user.version())
                .schemaVersion(UserItem.CURRENT_SCHEMA_VERSION)
                .build();
    }

    static User toUser(UserItem item) {
        UserProfile.Builder profile = UserProfile.builder();
        if (item.email() != null) {
            profile.email(VerifiableEmail.of(item.email(), Boolean.TRUE.equals(item.emailVerified())));
        }
        if (item.phoneNumber() != null) {
            profile.phone(VerifiablePhone.of(item.phoneNumber(), Boolean.TRUE.equals(item.phoneNumberVerified())));
        }
        if (item.givenName() != null) {
            profile.givenName(new Name(item.givenName()));
        }
        if (item.familyName() != null) {
            profile.familyName(new Name(item.familyName()));
        }
        if (item.displayName() != null) {
            profile.displayName(new Name(item.displayName()));
        }
        if (item.locale() != null) {
            profile.locale(new LanguageTag(item.locale()));
        }
        if (item.identityProvider() != null) {
            profile.identityProvider(new IdentityProvider(item.identityProvider()));
        }
        // Items stored before versions were kept have none: they are version 0, and the first change makes them 1.
        return new User(new UserId(item.userId()), profile.build(), Instant.parse(item.registeredAt()),
                Optional.ofNullable(item.updatedAt()).map(Instant::parse),
                item.version() == null ? 0 : item.version());
    }
}
