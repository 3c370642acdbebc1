package dev.userprofile.bootstrap.wiring;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dagger.Module;
import dagger.Provides;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ApiRehearsal;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.dynamodb.DynamoDbCallBudget;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.UpdateProfileUseCase;
import dev.userprofile.application.service.GetProfileService;
import dev.userprofile.application.service.UpdateProfileService;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/** The profile API function: its client within the API's budget, its use cases, the adapter and its priming. */
@Module
public final class ProfileApiModule {

    private ProfileApiModule() {}

    @Provides
    @Singleton
    static DynamoDbUserRepository repository(
            Configuration configuration, SdkHttpClient httpClient, AwsCredentialsProvider credentials) {
        return AwsClientModule.repository(configuration, httpClient, credentials, DynamoDbCallBudget.API);
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

    /** The API's own invocation path on a repository that never leaves the process: a caller who has a profile. */
    static ApiRehearsal rehearsal(Configuration configuration, Clock clock) {
        DynamoDbUserRepository users = DynamoDbUserRepository.rehearsal(
                configuration.region(), configuration.tableName(), DynamoDbCallBudget.API);
        return new ApiRehearsal(new ApiInvocation(
                new ProfileApi(new GetProfileService(users), new UpdateProfileService(users, users, clock)), clock));
    }

    @Provides
    @Singleton
    static SnapStartPriming snapStartPriming(
            ProfileApi api,
            DynamoDbUserRepository users,
            AwsCredentialsProvider credentials,
            Configuration configuration,
            Clock clock) {
        return new SnapStartPriming(
                List.of(
                        SnapStartPriming.repeated("api-requests", SnapStartPriming.REQUEST_ROUNDS, api::warmUp),
                        SnapStartPriming.repeated("dynamodb-requests", SnapStartPriming.REQUEST_ROUNDS, users::warmUp),
                        SnapStartPriming.rehearsed(
                                "invocation-rehearsal",
                                SnapStartPriming.REHEARSAL_ROUNDS,
                                () -> rehearsal(configuration, clock)::run)),
                List.of(new SnapStartPriming.Step("credentials", credentials::resolveCredentials)),
                clock,
                LambdaRuntime::getLogger);
    }
}
