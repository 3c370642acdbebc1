package dev.userprofile.adapters.cognito.admin;

/** How a command reports its result on standard output: sentences for people, or one JSON object for scripts. */
public enum OutputFormat {
    TEXT,
    JSON
}
