package dev.userprofile.benchmarks.coldstart;

/**
 * How a variant starts: on demand; with SnapStart's init (hooks, then an immediate "restore"); or held at the
 * checkpoint and restored as on Lambda ({@link RestoreMeasurement}).
 */
enum Start {
    ON_DEMAND,
    SNAPSTART_INIT,
    SNAPSTART_RESTORE
}
