package dev.userprofile.benchmarks.coldstart;

/** One round of an on-demand (or SnapStart init) variant, in milliseconds, and its runtime's peak memory. */
record OnDemandRun(
        double coldMs, double initMs, double firstAfterInitMs, double warmMs, double handlerWarmMs, long peakRssKb) {}
