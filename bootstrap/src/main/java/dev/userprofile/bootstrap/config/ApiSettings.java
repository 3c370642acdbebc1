package dev.userprofile.bootstrap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the profile API needs beyond {@link Configuration} and {@link SyncSettings}: whether callers may delete their
 * account, and how recently they must have signed in to do so.
 *
 * @param accountDeletion        whether {@code DELETE /me} is a route of the API
 * @param reauthenticationWindow how old the token's {@code auth_time} may be for a deletion
 */
public record ApiSettings(boolean accountDeletion, Duration reauthenticationWindow) {

    /** {@code Enabled} or {@code Disabled}; template.yaml sets it from the {@code AccountDeletion} parameter. */
    public static final String ACCOUNT_DELETION = "ACCOUNT_DELETION";
    /** Seconds, 60 to 3600; template.yaml sets it from {@code DeletionReauthenticationSeconds}. */
    public static final String REAUTHENTICATION_SECONDS = "DELETION_REAUTHENTICATION_SECONDS";

    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    public ApiSettings {
        Objects.requireNonNull(reauthenticationWindow, "reauthenticationWindow");
        if (reauthenticationWindow.compareTo(Duration.ofMinutes(1)) < 0
                || reauthenticationWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the re-authentication window must be from 1 to 60 minutes");
        }
    }

    /** @throws IllegalStateException naming every malformed variable, so a bad deployment fails at init */
    public static ApiSettings fromEnvironment(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        String deletion = environment.getOrDefault(ACCOUNT_DELETION, "Enabled").strip();
        if (!deletion.equals("Enabled") && !deletion.equals("Disabled")) {
            problems.add(ACCOUNT_DELETION + " must be Enabled or Disabled");
        }
        Duration window = DEFAULT_WINDOW;
        String seconds = environment.getOrDefault(REAUTHENTICATION_SECONDS, "").strip();
        if (!seconds.isEmpty()) {
            try {
                window = Duration.ofSeconds(Long.parseLong(seconds));
            } catch (NumberFormatException e) {
                window = Duration.ZERO;
            }
            if (window.toSeconds() < 60 || window.toSeconds() > 3600) {
                problems.add(REAUTHENTICATION_SECONDS + " must be a whole number of seconds from 60 to 3600");
                window = DEFAULT_WINDOW;
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Malformed configuration: " + String.join("; ", problems));
        }
        return new ApiSettings(deletion.equals("Enabled"), window);
    }
}
