package dev.userprofile.adapters.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.userprofile.domain.Erasure;
import dev.userprofile.domain.ErasureReason;
import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserId;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.UserStatus;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a {@link User} is stored: one item a user, each attribute declared once below with how it is read from the
 * user and where it goes on the way back, so a new attribute is one mapping in this file: its line here, and its
 * field and its use in {@link StoredUser}. (A rehearsal answers with the same item, whatever its attributes' types.)
 * Written out by hand, not by bean introspection: nothing is generated at cold start. Absent optional parts are absent
 * attributes, never NULLs. The layout is in docs/reference.md ("Item layout").
 */
public final class UserItemSchema {

    /** The table's only key. template.yaml must declare the same (a test checks). */
    public static final String PARTITION_KEY = "userId";
    /** The count of writes that made the item, the condition of every change (absent on items from before it). */
    public static final String VERSION = "version";
    /** Cognito's Enabled flag as the profile last took it ({@link UserStatus}); absent on items from before it. */
    public static final String ACCOUNT_STATUS = "accountStatus";
    /** On an erased user's tombstone only: when the personal data was erased. Its presence marks a tombstone. */
    public static final String ERASED_AT = "erasedAt";
    /** On a tombstone: why ({@link ErasureReason}). */
    public static final String ERASURE_REASON = "erasureReason";
    /**
     * On a tombstone: when DynamoDB may delete it, in seconds since the epoch (a Number, as Time to Live requires).
     * template.yaml must name the same attribute as the table's TTL attribute (a test checks).
     */
    public static final String EXPIRES_AT = "expiresAt";
    /**
     * On a profile no change has rewritten yet: the id of the registration attempt that wrote it, so that a retry
     * whose first attempt's response was lost counts its own write as a registration (RegistrationSchema).
     */
    public static final String REGISTRATION_ATTEMPT = "registrationAttempt";
    /** Version of this layout, stored on every item so later readers can migrate old items. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public static final TableSchema<User> TABLE_SCHEMA = StaticImmutableTableSchema.builder(
                    User.class, StoredUser.class)
            .newItemBuilder(StoredUser::new, StoredUser::toUser)
            .addAttribute(
                    String.class,
                    a -> a.name(PARTITION_KEY)
                            .getter(user -> user.id().value())
                            .setter((stored, value) -> stored.userId = value)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name("email")
                            .getter(user -> user.profile()
                                    .email()
                                    .map(e -> e.address().value())
                                    .orElse(null))
                            .setter((stored, value) -> stored.email = value))
            .addAttribute(
                    Boolean.class,
                    a -> a.name("emailVerified")
                            .getter(user -> user.profile()
                                    .email()
                                    .map(VerifiableEmail::verified)
                                    .orElse(null))
                            .setter((stored, value) -> stored.emailVerified = value))
            .addAttribute(
                    String.class,
                    a -> a.name("phoneNumber")
                            .getter(user -> user.profile()
                                    .phone()
                                    .map(p -> p.number().value())
                                    .orElse(null))
                            .setter((stored, value) -> stored.phoneNumber = value))
            .addAttribute(
                    Boolean.class,
                    a -> a.name("phoneNumberVerified")
                            .getter(user -> user.profile()
                                    .phone()
                                    .map(VerifiablePhone::verified)
                                    .orElse(null))
                            .setter((stored, value) -> stored.phoneNumberVerified = value))
            .addAttribute(
                    String.class,
                    a -> a.name("givenName")
                            .getter(user ->
                                    user.profile().givenName().map(Name::value).orElse(null))
                            .setter((stored, value) -> stored.givenName = value))
            .addAttribute(
                    String.class,
                    a -> a.name("familyName")
                            .getter(user ->
                                    user.profile().familyName().map(Name::value).orElse(null))
                            .setter((stored, value) -> stored.familyName = value))
            .addAttribute(
                    String.class,
                    a -> a.name("displayName")
                            .getter(user -> user.profile()
                                    .displayName()
                                    .map(Name::value)
                                    .orElse(null))
                            .setter((stored, value) -> stored.displayName = value))
            .addAttribute(
                    String.class,
                    a -> a.name("locale")
                            .getter(user -> user.profile()
                                    .locale()
                                    .map(LanguageTag::value)
                                    .orElse(null))
                            .setter((stored, value) -> stored.locale = value))
            .addAttribute(
                    String.class,
                    a -> a.name("identityProvider")
                            .getter(user -> user.profile()
                                    .identityProvider()
                                    .map(IdentityProvider::name)
                                    .orElse(null))
                            .setter((stored, value) -> stored.identityProvider = value))
            .addAttribute(
                    String.class,
                    a -> a.name(ACCOUNT_STATUS)
                            .getter(user -> user.status().name())
                            .setter((stored, value) -> stored.accountStatus = value))
            .addAttribute(
                    String.class,
                    a -> a.name("registeredAt")
                            .getter(user -> user.registeredAt().toString())
                            .setter((stored, value) -> stored.registeredAt = value))
            .addAttribute(
                    String.class,
                    a -> a.name("updatedAt")
                            .getter(user ->
                                    user.updatedAt().map(Instant::toString).orElse(null))
                            .setter((stored, value) -> stored.updatedAt = value))
            .addAttribute(
                    String.class,
                    a -> a.name("identitySyncedAt")
                            .getter(user -> user.identitySyncedAt()
                                    .map(Instant::toString)
                                    .orElse(null))
                            .setter((stored, value) -> stored.identitySyncedAt = value))
            .addAttribute(
                    Long.class,
                    a -> a.name(VERSION).getter(User::version).setter((stored, value) -> stored.version = value))
            .addAttribute(
                    Integer.class,
                    a -> a.name("schemaVersion")
                            .getter(user -> CURRENT_SCHEMA_VERSION)
                            .setter((stored, value) -> {}))
            .build();

    /**
     * The key alone (and whether the item is a tombstone), for the calls that need nothing else (a Scan of keys, a
     * delete, an existence check): they never turn a stored item into a {@link User}, so a malformed item cannot stop
     * them.
     */
    public static final TableSchema<StoredKey> KEY_SCHEMA = StaticImmutableTableSchema.builder(
                    StoredKey.class, StoredKey.class)
            .newItemBuilder(StoredKey::new, key -> key)
            .addAttribute(
                    String.class,
                    a -> a.name(PARTITION_KEY)
                            .getter(key -> key.userId)
                            .setter((key, value) -> key.userId = value)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name(ERASED_AT).getter(key -> key.erasedAt).setter((key, value) -> key.erasedAt = value))
            .addAttribute(
                    String.class,
                    a -> a.name(REGISTRATION_ATTEMPT)
                            .getter(key -> key.registrationAttempt)
                            .setter((key, value) -> key.registrationAttempt = value))
            .build();

    /**
     * An erased user's tombstone: the key, when and why, and when it expires. Written in place of the whole item, so
     * no attribute of the profile survives it.
     */
    public static final TableSchema<Erasure> ERASURE_SCHEMA = StaticImmutableTableSchema.builder(
                    Erasure.class, StoredErasure.class)
            .newItemBuilder(StoredErasure::new, StoredErasure::toErasure)
            .addAttribute(
                    String.class,
                    a -> a.name(PARTITION_KEY)
                            .getter(erasure -> erasure.id().value())
                            .setter((stored, value) -> stored.userId = value)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name(ERASED_AT)
                            .getter(erasure -> erasure.erasedAt().toString())
                            .setter((stored, value) -> stored.erasedAt = value))
            .addAttribute(
                    String.class,
                    a -> a.name(ERASURE_REASON)
                            .getter(erasure -> erasure.reason().name())
                            .setter((stored, value) -> stored.reason = value))
            .addAttribute(
                    Long.class,
                    a -> a.name(EXPIRES_AT)
                            .getter(erasure -> erasure.expiresAt().getEpochSecond())
                            .setter((stored, value) -> stored.expiresAt = value))
            .build();

    private UserItemSchema() {}

    /** An attribute every item of its kind has; an item without it was not written by this service. */
    static <T> T required(@Nullable T value, String attribute) {
        if (value == null) {
            throw new IllegalStateException("a stored item lacks " + attribute);
        }
        return value;
    }

    /** Whether a stored item is a tombstone rather than a profile. */
    static boolean isErasure(Map<String, AttributeValue> item) {
        return item.containsKey(ERASED_AT);
    }

    /** What a stored item says, gathered attribute by attribute on its way back to a {@link User}. */
    static final class StoredUser {
        private @Nullable String userId;
        private @Nullable String email;
        private @Nullable Boolean emailVerified;
        private @Nullable String phoneNumber;
        private @Nullable Boolean phoneNumberVerified;
        private @Nullable String givenName;
        private @Nullable String familyName;
        private @Nullable String displayName;
        private @Nullable String locale;
        private @Nullable String identityProvider;
        private @Nullable String accountStatus;
        private @Nullable String registeredAt;
        private @Nullable String updatedAt;
        private @Nullable String identitySyncedAt;
        private @Nullable Long version;

        User toUser() {
            UserProfile.Builder profile = UserProfile.builder();
            if (email != null) {
                profile.email(VerifiableEmail.of(email, Boolean.TRUE.equals(emailVerified)));
            }
            if (phoneNumber != null) {
                profile.phone(VerifiablePhone.of(phoneNumber, Boolean.TRUE.equals(phoneNumberVerified)));
            }
            Optional.ofNullable(givenName).map(Name::new).ifPresent(profile::givenName);
            Optional.ofNullable(familyName).map(Name::new).ifPresent(profile::familyName);
            Optional.ofNullable(displayName).map(Name::new).ifPresent(profile::displayName);
            Optional.ofNullable(locale).map(LanguageTag::new).ifPresent(profile::locale);
            Optional.ofNullable(identityProvider).map(IdentityProvider::new).ifPresent(profile::identityProvider);
            // Items stored before versions were kept have none: they are version 0, and the first change makes them 1.
            // Items stored before statuses were kept are active: no user could be disabled in the table then.
            return new User(
                    new UserId(required(userId, PARTITION_KEY)),
                    profile.build(),
                    accountStatus == null ? UserStatus.ACTIVE : UserStatus.valueOf(accountStatus),
                    Instant.parse(required(registeredAt, "registeredAt")),
                    Optional.ofNullable(updatedAt).map(Instant::parse),
                    Optional.ofNullable(identitySyncedAt).map(Instant::parse),
                    version == null ? 0 : version);
        }
    }

    /** What a tombstone says, on its way back to an {@link Erasure}. */
    static final class StoredErasure {
        private @Nullable String userId;
        private @Nullable String erasedAt;
        private @Nullable String reason;
        private @Nullable Long expiresAt;

        Erasure toErasure() {
            return new Erasure(
                    new UserId(required(userId, PARTITION_KEY)),
                    Instant.parse(required(erasedAt, ERASED_AT)),
                    ErasureReason.valueOf(required(reason, ERASURE_REASON)),
                    Instant.ofEpochSecond(required(expiresAt, EXPIRES_AT)));
        }
    }

    /** A stored item's key, and whether the item is a tombstone. */
    public static final class StoredKey {
        private @Nullable String userId;
        private @Nullable String erasedAt;
        private @Nullable String registrationAttempt;

        boolean erased() {
            return erasedAt != null;
        }

        UserId userId() {
            return new UserId(required(userId, PARTITION_KEY));
        }

        /** The id of the registration attempt that wrote the item, or null. */
        @Nullable
        String registrationAttempt() {
            return registrationAttempt;
        }
    }
}
