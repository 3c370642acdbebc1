package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.bootstrap.config.ApiSettings;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.SyncSettings;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;

/** The object graph of one profile API execution environment, generated at compile time. */
@Singleton
@Component(
        modules = {
            AwsClientModule.class,
            ClockModule.class,
            ProfileApiModule.class,
            ApiUseCaseModule.class,
            ApiPrimingModule.class
        })
public interface ProfileApiComponent {

    ProfileApi profileApi();

    ApiInvocation apiInvocation();

    SnapStartPriming snapStartPriming();

    Clock clock();

    @Component.Factory
    interface Factory {
        ProfileApiComponent create(
                @BindsInstance Configuration configuration,
                @BindsInstance SyncSettings sync,
                @BindsInstance ApiSettings api);
    }

    /** @throws IllegalStateException naming every missing or malformed variable, so a bad deployment fails at init */
    static ProfileApiComponent create(Map<String, String> environment) {
        return DaggerProfileApiComponent.factory()
                .create(
                        Configuration.fromEnvironment(environment),
                        SyncSettings.fromEnvironment(environment),
                        ApiSettings.fromEnvironment(environment));
    }
}
