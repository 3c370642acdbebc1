package dev.userprofile.local.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's main job, end to end on the local stack, through a real Cognito client: sign-up, confirmation, the
 * profile the trigger stored; a password reset, and the profile unchanged; then the app's side: a sign-in, and the
 * profile read and changed through the profile API with the user's token, a stale If-Match refused; Cognito's events
 * bringing a changed email in and erasing a deleted user; and the user deleting their own account.
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
        String sub = cognito.signUp(b -> b.clientId(stack.clientId())
                        .username(email)
                        .password("Correct-Horse-9")
                        .userAttributes(
                                attribute("email", email),
                                attribute("given_name", "Ada"),
                                attribute("family_name", "Lovelace"),
                                attribute("locale", "en-GB")))
                .userSub();
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
        cognito.confirmForgotPassword(b -> b.clientId(stack.clientId())
                .username(email)
                .confirmationCode(stack.code())
                .password("Battery-Staple-7"));
        Map<String, AttributeValue> after = Profiles.item(stack, sub);
        out.println("   profile: " + Profiles.describe(stack, sub));
        if (!after.equals(profile)) {
            out.println("FAILED: the password reset changed the profile");
            return false;
        }
        step("4. InitiateAuth (USER_PASSWORD_AUTH) -> tokens; Cognito runs PostAuthentication (one read: "
                + "the profile is there)");
        String token = cognito.initiateAuth(b -> b.clientId(stack.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", "Battery-Staple-7")))
                .authenticationResult()
                .accessToken();
        out.println("   access token: " + token.substring(0, 24) + "...");

        step("5. GET " + stack.apiEndpoint() + "/me with the token");
        HttpResponse<String> got = call(HttpRequest.newBuilder(me()).GET(), token);
        show(got);
        String etag = got.headers().firstValue("ETag").orElse("");

        step("6. PATCH /me (application/merge-patch+json, If-Match " + etag + "): displayName set, locale removed");
        HttpResponse<String> patched = call(
                HttpRequest.newBuilder(me())
                        .header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", etag)
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"displayName\":\"Countess of Lovelace\",\"locale\":null}")),
                token);
        show(patched);

        step("7. GET /me again");
        HttpResponse<String> again = call(HttpRequest.newBuilder(me()).GET(), token);
        show(again);

        step("8. PATCH /me with the stale If-Match " + etag + " -> refused, nothing changed");
        HttpResponse<String> stale = call(
                HttpRequest.newBuilder(me())
                        .header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", etag)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Augusta\"}")),
                token);
        show(stale);
        if (got.statusCode() != 200
                || patched.statusCode() != 200
                || !again.body().contains("Countess")
                || stale.statusCode() != 412) {
            out.println("FAILED: the profile API did not answer as expected");
            return false;
        }

        String changed = "ada.lovelace+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        step("9. AdminUpdateUserAttributes: email " + changed + ", verified -> CloudTrail records the call, "
                + "EventBridge invokes the sync function, which reads the user from the pool again");
        cognito.adminUpdateUserAttributes(b -> b.userPoolId(stack.userPoolId())
                .username(email)
                .userAttributes(attribute("email", changed), attribute("email_verified", "true")));
        Map<String, AttributeValue> synced = awaitItem(
                sub,
                item -> item.containsKey("email")
                        && changed.equals(item.get("email").s()));
        out.println("   profile: " + Profiles.describe(stack, sub));
        if (synced == null
                || !"Countess of Lovelace".equals(synced.get("displayName").s())) {
            out.println("FAILED: the changed email did not reach the profile, or the user's own name was lost");
            return false;
        }

        String other = "charles+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        step("10. SignUp and confirm " + other + ", then AdminDeleteUser -> the sync function finds the user gone "
                + "and erases the profile's personal data");
        String otherSub = cognito.signUp(b -> b.clientId(stack.clientId())
                        .username(other)
                        .password("Difference-Engine-2")
                        .userAttributes(attribute("email", other), attribute("given_name", "Charles")))
                .userSub();
        cognito.confirmSignUp(b -> b.clientId(stack.clientId()).username(other).confirmationCode(stack.code()));
        cognito.adminDeleteUser(b -> b.userPoolId(stack.userPoolId()).username(other));
        Map<String, AttributeValue> erased = awaitItem(otherSub, item -> item.containsKey("erasedAt"));
        out.println("   item: " + Profiles.describe(stack, otherSub));
        if (erased == null || erased.containsKey("email") || erased.containsKey("givenName")) {
            out.println("FAILED: the deleted user's data is still in the table");
            return false;
        }

        step("11. InitiateAuth again (a fresh sign-in: the token's auth_time is now), then DELETE /me -> the "
                + "pool's user is deleted, then the profile");
        String fresh = cognito.initiateAuth(b -> b.clientId(stack.clientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", changed, "PASSWORD", "Battery-Staple-7")))
                .authenticationResult()
                .accessToken();
        HttpResponse<String> deleted = call(HttpRequest.newBuilder(me()).DELETE(), fresh);
        show(deleted);
        boolean stillInPool = !cognito.listUsers(
                        b -> b.userPoolId(stack.userPoolId()).filter("sub = \"" + sub + "\""))
                .users()
                .isEmpty();
        out.println("   in the pool: " + (stillInPool ? "yes" : "no") + "; item: " + Profiles.describe(stack, sub));
        Map<String, AttributeValue> gone = Profiles.item(stack, sub);
        if (deleted.statusCode() != 204 || stillInPool || gone.containsKey("email") || !gone.containsKey("erasedAt")) {
            out.println("FAILED: DELETE /me did not delete the user and erase the profile");
            return false;
        }
        HttpResponse<String> afterwards = call(HttpRequest.newBuilder(me()).GET(), fresh);
        show(afterwards);
        out.println();
        out.println("OK: one profile stored at confirmation, unchanged by the password reset, read and changed "
                + "through the profile API, a stale change refused, a verified email change synced from Cognito's "
                + "event, an administrator's deletion erased by the sync, and the user's own DELETE /me removing "
                + "both their account and their data (" + Profiles.count(stack) + " item(s) in "
                + LocalStack.TABLE_NAME + ").");
        return true;
    }

    /** Waits (up to 20 s) for the sync function, which Cognito's events reach asynchronously, to have acted. */
    private Map<String, AttributeValue> awaitItem(String sub, Predicate<Map<String, AttributeValue>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, AttributeValue> item = Profiles.item(stack, sub);
            if (done.test(item)) {
                return item;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private URI me() {
        return URI.create(stack.apiEndpoint() + "/me");
    }

    private HttpResponse<String> call(HttpRequest.Builder request, String token) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void show(HttpResponse<String> response) {
        out.println("   " + response.statusCode()
                + response.headers().firstValue("ETag").map(e -> "  ETag " + e).orElse("") + "  "
                + response.headers().firstValue("Content-Type").orElse(""));
        out.println("   " + response.body());
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
