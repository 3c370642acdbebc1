package dev.userprofile.application.service;

import dev.userprofile.application.port.in.CallerProfile;
import dev.userprofile.application.port.in.GetProfileUseCase;
import dev.userprofile.application.port.in.SyncUserUseCase;
import dev.userprofile.application.port.out.UserLoader;
import dev.userprofile.domain.UserId;
import java.util.Objects;

/** One read of the stored user; a caller with nothing stored is registered first when the pool has them. */
public final class GetProfileService implements GetProfileUseCase {

    private final CallerProfiles profiles;

    public GetProfileService(UserLoader users, SyncUserUseCase syncUser) {
        this.profiles = new CallerProfiles(users, syncUser);
    }

    @Override
    public CallerProfile getProfile(UserId id) {
        Objects.requireNonNull(id, "id");
        return PortFailures.reported(() -> profiles.find(id));
    }
}
