package dev.userprofile.adapters.cognito.admin;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every command shares: the services the composition root builds, where output goes, the operator's answers,
 * the stop a signal requests, whether progress may redraw one line (a terminal), and the clock it is timed by.
 */
record CliContext(
        AdminCli.Services services,
        PrintStream out,
        PrintStream err,
        BufferedReader in,
        AtomicBoolean stop,
        boolean terminal,
        Clock clock) {

    CliContext {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(clock, "clock");
    }
}
