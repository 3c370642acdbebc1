package dev.userprofile.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userprofile.adapters.schedule.ReconcileInvocation;
import dev.userprofile.bootstrap.config.Configuration;
import dev.userprofile.bootstrap.config.ReconcileSettings;
import dev.userprofile.bootstrap.config.SyncSettings;
import javax.inject.Singleton;

/** The scheduled reconcile's object graph, one per execution environment. */
@Singleton
@Component(modules = {AwsClientModule.class, ClockModule.class, ReconcileModule.class})
public interface ReconcileComponent {

    ReconcileInvocation reconcileInvocation();

    @Component.Factory
    interface Factory {
        ReconcileComponent create(
                @BindsInstance Configuration configuration,
                @BindsInstance SyncSettings sync,
                @BindsInstance ReconcileSettings reconcile);
    }

    static ReconcileComponent create(Configuration configuration, SyncSettings sync, ReconcileSettings reconcile) {
        return DaggerReconcileComponent.factory().create(configuration, sync, reconcile);
    }
}
