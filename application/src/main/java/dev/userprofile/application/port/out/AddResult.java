package dev.userprofile.application.port.out;

/** What {@link UserRepository#addIfAbsent} did. */
public enum AddResult {
    ADDED,
    ALREADY_PRESENT
}
