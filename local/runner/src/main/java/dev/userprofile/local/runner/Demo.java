package dev.userprofile.local.runner;

import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's main job, end to end on the local stack, through a real Cognito client: sign-up, confirmation, the
 * profile the trigger stored; then a password reset, and the profile unchanged.
 */
final class Demo {

    private final LocalStack stack;
    private final PrintStream out;

    Demo(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    boolean run() {
        CognitoIdentityProviderClient cognito = stack.cognito();
        String email = "ada+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        step("1. SignUp " + email + " (given_name Ada, family_name Lovelace, locale en-GB)");
        String sub = cognito.signUp(b -> b.clientId(stack.clientId()).username(email).password("Correct-Horse-9")
                .userAttributes(attribute("email", email), attribute("given_name", "Ada"),
                        attribute("family_name", "Lovelace"), attribute("locale", "en-GB"))).userSub();
        out.println("   user sub " + sub + "; profile before confirmation: " + Profiles.describe(stack, sub));

        step("2. ConfirmSignUp with code " + stack.code() + " -> Cognito runs the PostConfirmation trigger");
        cognito.confirmSignUp(b -> b.clientId(stack.clientId()).username(email).confirmationCode(stack.code()));
        Map<String, AttributeValue> profile = Profiles.item(stack, sub);
        out.println("   profile: " + Profiles.describe(stack, sub));
        if (profile.isEmpty() || !"Ada".equals(profile.get("givenName").s())) {
            out.println("FAILED: no profile with the user's attributes after confirmation");
            return false;
        }

        step("3. ForgotPassword + ConfirmForgotPassword -> the trigger runs again, as a password reset");
        cognito.forgotPassword(b -> b.clientId(stack.clientId()).username(email));
        cognito.confirmForgotPassword(b -> b.clientId(stack.clientId()).username(email)
                .confirmationCode(stack.code()).password("Battery-Staple-7"));
        Map<String, AttributeValue> after = Profiles.item(stack, sub);
        out.println("   profile: " + Profiles.describe(stack, sub));
        if (!after.equals(profile)) {
            out.println("FAILED: the password reset changed the profile");
            return false;
        }
        out.println();
        out.println("OK: one profile stored at confirmation, unchanged by the password reset ("
                + Profiles.count(stack) + " item(s) in " + LocalStack.TABLE_NAME + ").");
        return true;
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
