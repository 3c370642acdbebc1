package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.DynamoDbCallBudget;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;

/** The profile API function: its client within the API's budget, its use cases, the adapter and its priming. */
@Module
public final class ProfileApiModule {

    private ProfileApiModule() {
    }

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(Configuration configuration, SdkHttpClient httpClient,
                                             AwsCredentialsProvider credentials) {
        return new DynamoDbUserRepository(DynamoDbEnhancedClient.builder()
                .dynamoDbClient(AwsClientModule.dynamoDbClientBuilder(configuration, httpClient, credentials,
                        DynamoDbCallBudget.API).build())
                .extensions().build(), configuration.tableName());
    }

    @Provides
    @Singleton
    static GetProfileUseCase getProfile(DynamoDbUserRepository users) {
        return new GetProfileService(users);
    }

    @Provides
    @Singleton
    static UpdateProfileUseCase updateProfile(DynamoDbUserRepository users, Clock clock) {
        return new UpdateProfileService(users, users, clock);
    }

    @Provides
    @Singleton
    static ProfileApi profileApi(GetProfileUseCase getProfile, UpdateProfileUseCase updateProfile) {
        return new ProfileApi(getProfile, updateProfile);
    }

    @Provides
    @Singleton
    static ApiInvocation apiInvocation(ProfileApi api, Clock clock) {
        return new ApiInvocation(api, clock);
    }

    /** A caller who cannot have a profile (Cognito subs are UUIDs), so priming reads and never writes. */
    static final String PROBE_SUB = "profile-api-probe-not-a-user";

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(ProfileApi api, DynamoDbUserRepository users, Clock clock) {
        return new SnapStartPriming(List.of(
                SnapStartPriming.repeated("api-requests", SnapStartPriming.REQUEST_ROUNDS, () -> {
                    answered(api.handle(probe("GET", null, Map.of()), "priming"));
                    answered(api.handle(probe("PATCH", "{\"givenName\":\"Probe\",\"locale\":null}",
                            Map.of("content-type", "application/merge-patch+json", "if-match", "\"1\"")),
                            "priming"));
                }),
                SnapStartPriming.repeated("dynamodb-requests", SnapStartPriming.REQUEST_ROUNDS, users::warmUp)),
                clock, LambdaRuntime::getLogger);
    }

    /**
     * The API turns a storage failure into a 503 rather than throwing; priming must see it as a failure, so the step
     * ends at once instead of spending every round (and the SDK's retry tokens) on a store that is down.
     */
    private static void answered(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException("the probe was answered " + response.getStatusCode());
        }
    }

    private static APIGatewayV2HTTPEvent probe(String method, String body, Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRawPath("/me").withHeaders(headers).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath("/me").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", PROBE_SUB)).build()).build())
                        .build())
                .build();
    }
}
