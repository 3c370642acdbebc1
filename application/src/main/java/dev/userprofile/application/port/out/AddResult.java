package dev.userprofile.application.port.out;

/** What {@link UserRegistrar#addIfAbsent} did. */
public enum AddResult {
    ADDED,
    ALREADY_PRESENT
}
