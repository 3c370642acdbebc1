package dev.userprofile.adapters.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.userprofile.application.port.in.AccountDeletionResult;
import dev.userprofile.application.port.in.CallerProfile;
import dev.userprofile.application.port.in.DeleteAccountCommand;
import dev.userprofile.application.port.in.DeleteAccountUseCase;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.ProfileStoreUnavailableException;
import dev.userprofile.application.port.in.ProfileUpdateResult;
import dev.userprofile.application.port.in.UpdateProfileCommand;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.port.in.UserPoolUnavailableException;
import dev.userprofile.application.port.in.VersionCondition;
import dev.userprofile.domain.ProfilePatch;
import dev.userprofile.domain.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The profile API: {@code GET}, {@code PATCH} and (when enabled) {@code DELETE /me} for the caller, who is the
 * access token's {@code sub}, never a path or a body. Requests are told apart by API Gateway's route key, so a stage
 * name or a custom domain's base path in the raw path changes nothing. Reading a request is {@link ApiRequest}'s,
 * entity tags {@link EntityTags}', the answers' shapes {@link ApiResponses}'.
 */
public final class ProfileApi {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    static final String GET = "GET /me";
    static final String PATCH = "PATCH /me";
    static final String DELETE = "DELETE /me";
    /**
     * The route key of the stack's keep-alive schedule (not a route of the API): it invokes the function now and then
     * so that its SnapStart version is never idle long enough (14 days) to go inactive.
     */
    public static final String KEEP_ALIVE_ROUTE = "UserProfileService_KeepAlive";

    private final GetProfileUseCase getProfile;
    private final UpdateProfileUseCase updateProfile;
    private final Optional<DeleteAccountUseCase> deleteAccount;

    /**
     * @param deleteAccount empty when the stack turns account deletion off: {@code DELETE /me} is then answered as
     *                      any route the API does not have
     */
    public ProfileApi(
            GetProfileUseCase getProfile,
            UpdateProfileUseCase updateProfile,
            Optional<DeleteAccountUseCase> deleteAccount) {
        this.getProfile = Objects.requireNonNull(getProfile, "getProfile");
        this.updateProfile = Objects.requireNonNull(updateProfile, "updateProfile");
        this.deleteAccount = Objects.requireNonNull(deleteAccount, "deleteAccount");
    }

    /** Answers one request; {@code requestId} goes into a 5xx answer so support can find the log line. */
    public APIGatewayV2HTTPResponse handle(@Nullable APIGatewayV2HTTPEvent event, String requestId) {
        try {
            if (event != null && KEEP_ALIVE_ROUTE.equals(event.getRouteKey())) {
                return ApiResponses.noContent();
            }
            return route(ApiRequest.of(event));
        } catch (ProblemException e) {
            return ApiResponses.problem(e.problem(), e.headers());
        } catch (ProfileStoreUnavailableException | UserPoolUnavailableException e) {
            // The exception's message names a table or a pool: for the log, never for the caller.
            return ApiResponses.problem(
                    Problem.of(
                            "unavailable",
                            "The service is temporarily unavailable",
                            503,
                            "Profiles cannot be reached just now; try again. Reference: " + requestId),
                    Map.of("Retry-After", "1"));
        }
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case GET -> get(request.caller());
            case PATCH -> patch(request.caller(), request);
            case DELETE -> {
                if (deleteAccount.isEmpty()) {
                    throw notFound();
                }
                yield delete(deleteAccount.get(), request);
            }
            default -> throw notFound();
        };
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of("not-found", "No such resource", 404, "the only resource is /me"));
    }

    private APIGatewayV2HTTPResponse get(UserId caller) {
        return switch (getProfile.getProfile(caller)) {
            case CallerProfile.Active active -> ApiResponses.profile(active.user());
            case CallerProfile.Missing missing -> throw noProfile();
            case CallerProfile.Disabled disabled -> throw disabled();
            case CallerProfile.Deleted deleted -> throw deleted();
        };
    }

    private APIGatewayV2HTTPResponse patch(UserId caller, ApiRequest request) {
        if (!MERGE_PATCH.equals(request.mediaType())) {
            // RFC 5789: a 415 to a PATCH says which patch formats are accepted.
            throw new ProblemException(
                    Problem.of(
                            "unsupported-media-type",
                            "Unsupported media type",
                            415,
                            "a change is a JSON merge patch: Content-Type: " + MERGE_PATCH),
                    Map.of("Accept-Patch", MERGE_PATCH));
        }
        ProfilePatch patch = MergePatchReader.read(request.text());
        VersionCondition condition = EntityTags.condition(request.header("if-match"));
        return switch (updateProfile.update(new UpdateProfileCommand(caller, patch, condition))) {
            case ProfileUpdateResult.Updated updated -> ApiResponses.profile(updated.user());
            case ProfileUpdateResult.Unchanged unchanged -> ApiResponses.profile(unchanged.user());
            case ProfileUpdateResult.NotFound notFound ->
                throw condition instanceof VersionCondition.Any ? noProfile() : preconditionFailed();
            case ProfileUpdateResult.Disabled disabled -> throw disabled();
            case ProfileUpdateResult.Deleted deleted -> throw deleted();
            case ProfileUpdateResult.VersionMismatch mismatch -> {
                if (condition instanceof VersionCondition.Any) {
                    throw new ProblemException(Problem.of(
                            "conflict",
                            "Changed concurrently",
                            409,
                            "the profile kept changing while this change was applied; send it again"));
                }
                throw preconditionFailed();
            }
        };
    }

    private static APIGatewayV2HTTPResponse delete(DeleteAccountUseCase deleteAccount, ApiRequest request) {
        UserId caller = request.caller();
        return switch (deleteAccount.deleteAccount(
                new DeleteAccountCommand(caller, request.username(), request.signedIn()))) {
            // Also when the store could not erase now: the pool's user is gone, and the event or the reconcile
            // erases the profile (ADR 0022).
            case AccountDeletionResult.Deleted deleted -> ApiResponses.noContent();
            case AccountDeletionResult.Disabled disabled -> throw disabled();
            case AccountDeletionResult.ReauthenticationRequired required ->
                // RFC 9470: the client signs the user in again and retries with the new token.
                throw new ProblemException(
                        Problem.of(
                                "reauthentication-required",
                                "Sign in again",
                                401,
                                "deleting the account needs a sign-in within the last "
                                        + required.window().toSeconds() + " seconds"),
                        Map.of(
                                "WWW-Authenticate",
                                "Bearer error=\"insufficient_user_authentication\", max_age="
                                        + required.window().toSeconds()));
        };
    }

    private static ProblemException noProfile() {
        return new ProblemException(Problem.of("no-profile", "No profile", 404, "the caller has no profile"));
    }

    private static ProblemException disabled() {
        return new ProblemException(
                Problem.of("account-disabled", "Account disabled", 403, "the caller's account is disabled"));
    }

    private static ProblemException deleted() {
        return new ProblemException(Problem.of(
                "account-deleted", "Account deleted", 410, "the caller's account was deleted with its profile"));
    }

    private static ProblemException preconditionFailed() {
        return new ProblemException(Problem.of(
                "precondition-failed",
                "Precondition failed",
                412,
                "If-Match does not name the profile's current version (its ETag); nothing was changed"));
    }
}
