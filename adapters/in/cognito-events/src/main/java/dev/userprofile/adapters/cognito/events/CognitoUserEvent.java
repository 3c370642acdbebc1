package dev.userprofile.adapters.cognito.events;

import java.util.Objects;
import java.util.Optional;

/**
 * What this service reads of one Cognito API call as EventBridge delivers it: which call, on which pool (when the
 * request names one; calls made with a user's access token do not), and which user by {@code sub} (CloudTrail records
 * the sub, never the user name). Nothing else of the event is kept: it may carry personal data.
 */
public record CognitoUserEvent(String source, String eventName, Optional<String> userPoolId, Optional<String> sub) {

    public CognitoUserEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(sub, "sub");
    }
}
