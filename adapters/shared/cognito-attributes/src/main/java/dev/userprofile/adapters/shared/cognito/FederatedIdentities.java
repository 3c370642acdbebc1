package dev.userprofile.adapters.shared.cognito;

import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.InvalidUserDataException;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * Reads the {@code identities} attribute of a federated user: a JSON array, sent as a string, of linked identities
 * such as {@code [{"providerName":"Google","providerType":"Google","primary":"true",...}]}. The primary identity's
 * provider (or else the first one's) is the user's identity provider.
 */
final class FederatedIdentities {

    private static final String FIELD = "identities";
    private static final String RULE = "must be a JSON array of identities, each with a providerName";
    private static final int MAX_LENGTH = 64 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FederatedIdentities() {}

    /** @throws InvalidUserDataException naming the attribute and the rule it broke, never its value */
    static Optional<IdentityProvider> primaryProvider(String identitiesJson) {
        if (identitiesJson == null || identitiesJson.isBlank()) {
            return Optional.empty();
        }
        if (identitiesJson.length() > MAX_LENGTH) {
            throw new InvalidUserDataException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        String first = null;
        String primary = null;
        try (JsonParser parser = JSON.createParser(identitiesJson)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidUserDataException(FIELD, RULE);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                Identity identity = readIdentity(parser);
                if (identity.providerName == null) {
                    throw new InvalidUserDataException(FIELD, RULE);
                }
                if (first == null) {
                    first = identity.providerName;
                }
                if (identity.primary && primary == null) {
                    primary = identity.providerName;
                }
            }
            if (token != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw new InvalidUserDataException(FIELD, RULE);
            }
        } catch (IOException malformed) {
            // Jackson's message quotes the input, which may hold personal data: report the rule only.
            throw new InvalidUserDataException(FIELD, RULE);
        }
        String chosen = primary != null ? primary : first;
        if (chosen == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdentityProvider(chosen));
        } catch (InvalidUserDataException e) {
            throw new InvalidUserDataException(FIELD, "providerName " + e.rule());
        }
    }

    private static Identity readIdentity(JsonParser parser) throws IOException {
        Identity identity = new Identity();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "providerName" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new InvalidUserDataException(FIELD, RULE);
                    }
                    identity.providerName = parser.getText();
                }
                // Cognito sends "primary" as the string "true"; a JSON boolean is accepted too.
                case "primary" ->
                    identity.primary = value == JsonToken.VALUE_TRUE
                            || (value == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(parser.getText()));
                default -> parser.skipChildren();
            }
        }
        return identity;
    }

    private static final class Identity {
        private @Nullable String providerName;
        private boolean primary;
    }
}
