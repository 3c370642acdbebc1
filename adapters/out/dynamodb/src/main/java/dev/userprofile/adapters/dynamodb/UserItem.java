package dev.userprofile.adapters.dynamodb;

/**
 * One profile item as stored in the table: the adapter's own layout, kept apart from the domain so either can change
 * without the other. Absent optional parts are absent attributes, never NULLs. See README "Item layout".
 */
public record UserItem(
        String userId,
        String email,
        Boolean emailVerified,
        String phoneNumber,
        Boolean phoneNumberVerified,
        String givenName,
        String familyName,
        String displayName,
        String locale,
        String identityProvider,
        String registeredAt,
        String updatedAt,
        Long version,
        Integer schemaVersion) {

    /** Version of this layout, stored on every item so later readers can migrate old items. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder the static table schema fills when reading an item. */
    public static final class Builder {
        private String userId;
        private String email;
        private Boolean emailVerified;
        private String phoneNumber;
        private Boolean phoneNumberVerified;
        private String givenName;
        private String familyName;
        private String displayName;
        private String locale;
        private String identityProvider;
        private String registeredAt;
        private String updatedAt;
        private Long version;
        private Integer schemaVersion;

        Builder() {
        }

        public Builder userId(String value) {
            userId = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder emailVerified(Boolean value) {
            emailVerified = value;
            return this;
        }

        public Builder phoneNumber(String value) {
            phoneNumber = value;
            return this;
        }

        public Builder phoneNumberVerified(Boolean value) {
            phoneNumberVerified = value;
            return this;
        }

        public Builder givenName(String value) {
            givenName = value;
            return this;
        }

        public Builder familyName(String value) {
            familyName = value;
            return this;
        }

        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        public Builder locale(String value) {
            locale = value;
            return this;
        }

        public Builder identityProvider(String value) {
            identityProvider = value;
            return this;
        }

        public Builder registeredAt(String value) {
            registeredAt = value;
            return this;
        }

        public Builder updatedAt(String value) {
            updatedAt = value;
            return this;
        }

        public Builder version(Long value) {
            version = value;
            return this;
        }

        public Builder schemaVersion(Integer value) {
            schemaVersion = value;
            return this;
        }

        public UserItem build() {
            return new UserItem(userId, email, emailVerified, phoneNumber, phoneNumberVerified, givenName,
                    familyName, displayName, locale, identityProvider, registeredAt, updatedAt, version, schemaVersion);
        }
    }
}
