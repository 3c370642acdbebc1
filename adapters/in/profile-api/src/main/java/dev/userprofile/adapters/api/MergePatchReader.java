package dev.userprofile.adapters.api;

import dev.userprofile.domain.FieldChange;
import dev.userprofile.domain.InvalidUserDataException;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.ProfilePatch;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * Reads a JSON merge patch (RFC 7396) of a profile: an object whose members are the fields to change, {@code null}
 * removing one. Only the fields a user may edit are accepted, with the same rules as at registration; every other
 * known field belongs to Cognito or to the service, and is refused by name.
 */
final class MergePatchReader {

    static final Set<String> NOT_EDITABLE = Set.of(
            "userId",
            "email",
            "emailVerified",
            "phoneNumber",
            "phoneNumberVerified",
            "identityProvider",
            "registeredAt",
            "updatedAt",
            "version");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private MergePatchReader() {}

    /** @throws ProblemException naming the field and the rule, or the body's problem */
    static ProfilePatch read(String body) {
        Map<String, FieldChange<?>> changes = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProblemException(Problem.badRequest("the body must be a JSON object (a merge patch)"));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                changes.put(field, change(field, value, parser));
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new ProblemException(Problem.badRequest("the body must be one JSON object"));
            }
        } catch (IOException malformed) {
            // The parser's message quotes the body, which may hold personal data: say only what is wrong.
            throw new ProblemException(Problem.badRequest("the body is not well-formed JSON"));
        }
        return new ProfilePatch(
                name(changes, "givenName"), name(changes, "familyName"), name(changes, "displayName"), locale(changes));
    }

    private static FieldChange<?> change(String field, JsonToken value, JsonParser parser) throws IOException {
        return switch (field) {
            case "givenName", "familyName", "displayName" -> text(field, value, parser, Name::new);
            case "locale" -> text(field, value, parser, LanguageTag::new);
            default ->
                throw new ProblemException(
                        NOT_EDITABLE.contains(field)
                                ? Problem.invalidField(
                                        field, "is not editable: it belongs to Cognito or to the service")
                                : Problem.invalidField(field, "is not a profile field"));
        };
    }

    private static <T> FieldChange<T> text(String field, JsonToken value, JsonParser parser, Function<String, T> rules)
            throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return FieldChange.remove();
        }
        if (value != JsonToken.VALUE_STRING) {
            parser.skipChildren();
            throw new ProblemException(Problem.invalidField(field, "must be a string, or null to remove it"));
        }
        try {
            return FieldChange.set(rules.apply(parser.getText()));
        } catch (InvalidUserDataException e) {
            throw new ProblemException(Problem.invalidField(field, e.rule()));
        }
    }

    @SuppressWarnings("unchecked")
    private static FieldChange<Name> name(Map<String, FieldChange<?>> changes, String field) {
        return (FieldChange<Name>) changes.getOrDefault(field, FieldChange.keep());
    }

    @SuppressWarnings("unchecked")
    private static FieldChange<LanguageTag> locale(Map<String, FieldChange<?>> changes) {
        return (FieldChange<LanguageTag>) changes.getOrDefault("locale", FieldChange.keep());
    }
}
