package dev.userprofile.adapters.shared.cognito;

import java.util.regex.Pattern;

/** What a Cognito {@code sub} looks like where it arrives from outside the pool (an event) or goes into a filter. */
public final class CognitoSub {

    /** Cognito's subs are UUIDs; letters, digits and hyphens cover them and never need escaping in a filter. */
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z-]{1,128}");

    private CognitoSub() {}

    public static boolean isWellFormed(String sub) {
        return sub != null && SHAPE.matcher(sub).matches();
    }
}
