package dev.userprofile.adapters.api;

import dev.userprofile.domain.IdentityProvider;
import dev.userprofile.domain.LanguageTag;
import dev.userprofile.domain.Name;
import dev.userprofile.domain.User;
import dev.userprofile.domain.UserProfile;
import dev.userprofile.domain.VerifiableEmail;
import dev.userprofile.domain.VerifiablePhone;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

/** A profile and a problem as JSON, with the stored item's field names; absent parts are absent, never null. */
final class ProfileJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ProfileJson() {}

    static String profile(User user) {
        return write(json -> {
            UserProfile profile = user.profile();
            json.writeStringField("userId", user.id().value());
            if (profile.email().isPresent()) {
                VerifiableEmail email = profile.email().get();
                json.writeStringField("email", email.address().value());
                json.writeBooleanField("emailVerified", email.verified());
            }
            if (profile.phone().isPresent()) {
                VerifiablePhone phone = profile.phone().get();
                json.writeStringField("phoneNumber", phone.number().value());
                json.writeBooleanField("phoneNumberVerified", phone.verified());
            }
            writeIfPresent(
                    json, "givenName", profile.givenName().map(Name::value).orElse(null));
            writeIfPresent(
                    json, "familyName", profile.familyName().map(Name::value).orElse(null));
            writeIfPresent(
                    json, "displayName", profile.displayName().map(Name::value).orElse(null));
            writeIfPresent(
                    json, "locale", profile.locale().map(LanguageTag::value).orElse(null));
            writeIfPresent(
                    json,
                    "identityProvider",
                    profile.identityProvider().map(IdentityProvider::name).orElse(null));
            json.writeStringField("registeredAt", user.registeredAt().toString());
            writeIfPresent(
                    json, "updatedAt", user.updatedAt().map(Instant::toString).orElse(null));
        });
    }

    static String problem(Problem problem) {
        return write(json -> {
            json.writeStringField("type", problem.type());
            json.writeStringField("title", problem.title());
            json.writeNumberField("status", problem.status());
            json.writeStringField("detail", problem.detail());
        });
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeIfPresent(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
