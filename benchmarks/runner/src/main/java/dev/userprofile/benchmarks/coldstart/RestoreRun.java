package dev.userprofile.benchmarks.coldstart;

import dev.userprofile.local.support.lambda.RuntimeApi;
import java.util.List;

/** A SnapStart restore as the user meets it, and what it had to fetch or open on the way. */
record RestoreRun(
        double firstResponseMs,
        double warmMs,
        int credentialFetches,
        int newConnections,
        RuntimeApi.RestoreTimeline timeline,
        List<String> classesLoadedAfterRestore) {}
