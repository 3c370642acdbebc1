package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userprofile.adapters.api.ApiInvocation;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.priming.SnapStartPriming;
import java.time.Clock;
import javax.inject.Singleton;

/** The object graph of one profile API execution environment, generated at compile time. */
@Singleton
@Component(modules = {AwsClientModule.class, ApplicationModule.class, ProfileApiModule.class})
public interface ProfileApiComponent {

    ProfileApi profileApi();

    ApiInvocation apiInvocation();

    SnapStartPriming snapStartPriming();

    Clock clock();

    @Component.Factory
    interface Factory {
        ProfileApiComponent create(@BindsInstance Configuration configuration);
    }

    static ProfileApiComponent create(Configuration configuration) {
        return DaggerProfileApiComponent.factory().create(configuration);
    }
}
