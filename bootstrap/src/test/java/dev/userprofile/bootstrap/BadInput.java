package dev.userprofile.bootstrap;

import dev.userprofile.adapters.shared.cognito.DroppedAttribute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Malformed and unusual PostConfirmation events, each with the outcome it must have. Only what a registration cannot
 * do without (the event, its attributes, a well-formed sub) rejects an event; a bad optional attribute is left out.
 */
final class BadInput {

    static final String SUB = "5d0c1b2a-3e4f-4a5b-9c6d-7e8f9a0b1c2d";

    /** What must happen to one event. */
    sealed interface Expected {
        /**
         * Stored as one item that passes the check, with exactly these optional attributes left out (and named, with
         * their rules, in the log line).
         */
        record Stored(Consumer<Map<String, AttributeValue>> check, List<DroppedAttribute> dropped)
                implements Expected {}

        /**
         * The invocation fails with the fixed sentence for an invalid event, the log line names this field and rule,
         * and nothing is written.
         */
        record Rejected(String detail) implements Expected {}

        /** Returned untouched, nothing written. */
        record Ignored() implements Expected {}

        /** The Lambda runtime cannot deserialise it, so the handler never runs and nothing is written. */
        record UnreadableByRuntime() implements Expected {}
    }

    record Case(String name, byte[] event, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInput() {}

    static String signUp(String attributes) {
        return event("PostConfirmation_ConfirmSignUp", "{" + attributes + "}");
    }

    static String event(String triggerSource, String userAttributes) {
        String source = triggerSource == null ? "null" : "\"" + triggerSource + "\"";
        return """
                {"version":"1","region":"eu-west-1","userPoolId":"eu-west-1_EXAMPLE","userName":"u",\
                "callerContext":{"awsSdkVersion":"aws-sdk-unknown-unknown","clientId":"c"},\
                "triggerSource":%s,"request":{"userAttributes":%s},"response":{}}""".formatted(source, userAttributes);
    }

    private static String sub() {
        return "\"sub\":\"" + SUB + "\"";
    }

    private static Case of(String name, String json, Expected expected) {
        return new Case(name, json.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Expected rejected(String fieldAndRule) {
        return new Expected.Rejected("Invalid trigger event: " + fieldAndRule);
    }

    private static Expected stored(Consumer<Map<String, AttributeValue>> check) {
        return new Expected.Stored(check, List.of());
    }

    private static Expected storedDropping(String attribute, String rule, Consumer<Map<String, AttributeValue>> check) {
        return new Expected.Stored(check, List.of(new DroppedAttribute(attribute, rule)));
    }

    private static Consumer<Map<String, AttributeValue>> hasS(String attribute, String value) {
        return item -> {
            if (!value.equals(item.get(attribute).s())) {
                throw new AssertionError(attribute + " stored differently");
            }
        };
    }

    private static Consumer<Map<String, AttributeValue>> hasBool(String attribute, boolean value) {
        return item -> {
            if (item.get(attribute).bool() != value) {
                throw new AssertionError(
                        attribute + " stored as " + item.get(attribute).bool());
            }
        };
    }

    private static Consumer<Map<String, AttributeValue>> lacks(String... attributes) {
        return item -> {
            for (String attribute : attributes) {
                if (item.containsKey(attribute)) {
                    throw new AssertionError(attribute + " must not be stored");
                }
            }
        };
    }

    static List<Case> cases() {
        String hugeMetadata = "\"clientMetadata\":{\"blob\":\"" + "m".repeat(200_000) + "\"}";
        byte[] latin1 = signUp(sub() + ",\"given_name\":\"Ren\u00e9e\"").getBytes(StandardCharsets.ISO_8859_1);
        return List.of(
                of(
                        "request null",
                        "{\"triggerSource\":\"PostConfirmation_ConfirmSignUp\",\"request\":null}",
                        rejected("request is missing")),
                of(
                        "request absent",
                        "{\"triggerSource\":\"PostConfirmation_ConfirmSignUp\"}",
                        rejected("request is missing")),
                of(
                        "userAttributes null",
                        event("PostConfirmation_ConfirmSignUp", "null"),
                        rejected("request.userAttributes is missing")),
                of(
                        "userAttributes absent",
                        "{\"triggerSource\":\"PostConfirmation_ConfirmSignUp\",\"request\":{}}",
                        rejected("request.userAttributes is missing")),
                of(
                        "userAttributes an empty array (runtime reads it as null)",
                        event("PostConfirmation_ConfirmSignUp", "[]"),
                        rejected("request.userAttributes is missing")),
                of(
                        "sub absent",
                        signUp("\"email\":\"ann@example.com\""),
                        rejected("request.userAttributes.sub is missing")),
                of("sub empty", signUp("\"sub\":\"\""), rejected("request.userAttributes.sub is missing")),
                of("sub blank", signUp("\"sub\":\"   \""), rejected("request.userAttributes.sub is missing")),
                of("sub null", signUp("\"sub\":null"), rejected("request.userAttributes.sub is missing")),
                of(
                        "sub of 300 characters",
                        signUp("\"sub\":\"" + "a".repeat(300) + "\""),
                        rejected(
                                "request.userAttributes.sub must be 1 to 128 visible ASCII characters without spaces")),
                of(
                        "sub with a control character",
                        signUp("\"sub\":\"ab\\u0000cd\""),
                        rejected(
                                "request.userAttributes.sub must be 1 to 128 visible ASCII characters without spaces")),
                of(
                        "sub as a number (runtime turns it into text)",
                        signUp("\"sub\":1234567"),
                        stored(hasS("userId", "1234567"))),
                of(
                        "malformed email",
                        signUp(sub() + ",\"email\":\"ann.example.com\""),
                        storedDropping("email", "must have the form local-part@domain", lacks("email"))),
                of(
                        "email of 300 characters",
                        signUp(sub() + ",\"email\":\"" + "a".repeat(60) + "@" + "b".repeat(235) + ".com\""),
                        storedDropping("email", "must be at most 254 characters", lacks("email"))),
                of(
                        "email with spaces around and an upper-case domain",
                        signUp(sub() + ",\"email\":\"  Ann@Example.COM \",\"email_verified\":\"true\""),
                        stored(hasS("email", "Ann@example.com"))),
                of(
                        "email_verified TRUE",
                        signUp(sub() + ",\"email\":\"ann@example.com\",\"email_verified\":\"TRUE\""),
                        stored(hasBool("emailVerified", true))),
                of(
                        "email_verified yes",
                        signUp(sub() + ",\"email\":\"ann@example.com\",\"email_verified\":\"yes\""),
                        storedDropping("email_verified", "must be true or false", hasBool("emailVerified", false))),
                of(
                        "email_verified absent",
                        signUp(sub() + ",\"email\":\"ann@example.com\""),
                        stored(hasBool("emailVerified", false))),
                of(
                        "email_verified as a JSON boolean",
                        signUp(sub() + ",\"email\":\"ann@example.com\"," + "\"email_verified\":true"),
                        stored(hasBool("emailVerified", true))),
                of("email empty", signUp(sub() + ",\"email\":\"\""), stored(lacks("email", "emailVerified"))),
                of(
                        "phone not E.164",
                        signUp(sub() + ",\"phone_number\":\"07700 900123\""),
                        storedDropping(
                                "phone_number",
                                "must be in E.164 form: + followed by 2 to 15 digits",
                                lacks("phoneNumber"))),
                of(
                        "phone with verified False",
                        signUp(sub() + ",\"phone_number\":\"+447700900123\"," + "\"phone_number_verified\":\"False\""),
                        stored(hasBool("phoneNumberVerified", false))),
                of(
                        "given_name of 10,000 characters",
                        signUp(sub() + ",\"given_name\":\"" + "n".repeat(10_000) + "\""),
                        storedDropping("given_name", "must be at most 2048 characters", lacks("givenName"))),
                of(
                        "family_name with a control character",
                        signUp(sub() + ",\"family_name\":\"Sm\\u0007ith\""),
                        storedDropping("family_name", "must not contain control characters", lacks("familyName"))),
                of(
                        "name with a lone surrogate",
                        signUp(sub() + ",\"name\":\"Ann \\ud800\""),
                        storedDropping("name", "must not contain unpaired surrogate characters", lacks("displayName"))),
                of(
                        "name decomposed, with an emoji",
                        signUp(sub() + ",\"name\":\"Zoe\\u0308 \\ud83d\\ude00\""),
                        stored(hasS("displayName", "Zo\u00eb \ud83d\ude00"))),
                of(
                        "given_name as a one-element array (runtime unwraps it)",
                        signUp(sub() + ",\"given_name\":[\"Ann\"]"),
                        stored(hasS("givenName", "Ann"))),
                of(
                        "given_name as an object",
                        signUp(sub() + ",\"given_name\":{\"first\":\"Ann\"}"),
                        new Expected.UnreadableByRuntime()),
                of("locale en_US", signUp(sub() + ",\"locale\":\"en_US\""), stored(hasS("locale", "en-US"))),
                of(
                        "locale en_US.UTF-8 (a POSIX locale)",
                        signUp(sub() + ",\"locale\":\"en_US.UTF-8\",\"given_name\":\"Ann\""),
                        storedDropping(
                                "locale",
                                "must be a language tag such as en or en-GB of at most 35 characters",
                                item -> {
                                    lacks("locale").accept(item);
                                    hasS("givenName", "Ann").accept(item);
                                })),
                of(
                        "several bad attributes, the rest kept",
                        signUp(sub() + ",\"email\":\"ann.example.com\","
                                + "\"phone_number\":\"0770\",\"family_name\":\"Smith\""),
                        new Expected.Stored(
                                item -> {
                                    lacks("email", "emailVerified", "phoneNumber", "phoneNumberVerified")
                                            .accept(item);
                                    hasS("familyName", "Smith").accept(item);
                                },
                                List.of(
                                        new DroppedAttribute("email", "must have the form local-part@domain"),
                                        new DroppedAttribute(
                                                "phone_number",
                                                "must be in E.164 form: + followed by 2 to 15 digits")))),
                of(
                        "locale free text",
                        signUp(sub() + ",\"locale\":\"English (UK)\""),
                        storedDropping(
                                "locale",
                                "must be a language tag such as en or en-GB of at most 35 characters",
                                lacks("locale"))),
                of(
                        "identities malformed",
                        signUp(sub() + ",\"identities\":\"[{\\\"providerName\\\":\""),
                        storedDropping(
                                "identities",
                                "must be a JSON array of identities, each with a providerName",
                                lacks("identityProvider"))),
                of(
                        "identities an object",
                        signUp(sub() + ",\"identities\":\"{\\\"providerName\\\":\\\"Google\\\"}\""),
                        storedDropping(
                                "identities",
                                "must be a JSON array of identities, each with a providerName",
                                lacks("identityProvider"))),
                of(
                        "identities with duplicate keys",
                        signUp(sub() + ",\"identities\":\"[{\\\"providerName\\\":\\\"A\\\","
                                + "\\\"providerName\\\":\\\"B\\\"}]\""),
                        storedDropping(
                                "identities",
                                "must be a JSON array of identities, each with a providerName",
                                lacks("identityProvider"))),
                of(
                        "federated user with an unknown identity field",
                        signUp(sub() + ",\"cognito:user_status\":\"EXTERNAL_PROVIDER\","
                                + "\"identities\":\"[{\\\"providerName\\\":\\\"Okta\\\",\\\"future\\\":[1,{}]}]\""),
                        stored(hasS("identityProvider", "Okta"))),
                of("triggerSource null", event(null, "{" + sub() + "}"), new Expected.Ignored()),
                of(
                        "triggerSource unknown",
                        event("PostConfirmation_Something", "{" + sub() + "}"),
                        new Expected.Ignored()),
                of(
                        "password reset without attributes",
                        event("PostConfirmation_ConfirmForgotPassword", "null"),
                        new Expected.Ignored()),
                of(
                        "huge clientMetadata",
                        "{\"triggerSource\":\"PostConfirmation_ConfirmSignUp\",\"request\":" + "{\"userAttributes\":{"
                                + sub() + "}," + hugeMetadata + "},\"response\":{}}",
                        stored(hasS("userId", SUB))),
                of(
                        "duplicate sub key (the runtime keeps the last)",
                        signUp("\"sub\":\"first\"," + sub()),
                        stored(hasS("userId", SUB))),
                of(
                        "unknown fields everywhere",
                        signUp(sub() + ",\"custom:tier\":\"gold\"")
                                .replace("\"response\":{}", "\"response\":{},\"newTopLevel\":{\"x\":[1,2]}"),
                        stored(lacks("custom:tier", "newTopLevel"))),
                new Case("non-UTF-8 bytes", latin1, new Expected.UnreadableByRuntime()),
                of("event is JSON null", "null", rejected("event is missing")),
                of("not JSON at all", "sign me up", new Expected.UnreadableByRuntime()));
    }

    /** Every personal value that appears in these cases and the sample events; none may reach a log line. */
    static final List<String> PERSONAL_VALUES = List.of(
            "ann@example.com",
            "Ann@Example.COM",
            "ann.example.com",
            "+447700900123",
            "07700 900123",
            "7700900123",
            "Ren\u00e9e",
            "Smith",
            "Zo\u00eb",
            "Ann ",
            "jane.doe@example.com",
            "janet.changed@example.com",
            "sam.rivera@example.org",
            "nosub@example.com",
            "Jane",
            "Janet",
            "Doe",
            "Sam",
            "Rivera");
}
