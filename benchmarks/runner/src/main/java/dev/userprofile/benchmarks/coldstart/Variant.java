package dev.userprofile.benchmarks.coldstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way of running a function: which zip, which handler, with which JVM flags, started how, doing what. */
record Variant(String name, Path artifact, String handler, List<String> jvmOptions, Start start, Workload workload) {

    Variant {
        jvmOptions = List.copyOf(jvmOptions);
    }

    Variant(String name, Path artifact, String handler, List<String> jvmOptions, Start start) {
        this(name, artifact, handler, jvmOptions, start, Workload.SIGN_UP);
    }

    boolean snapStart() {
        return start != Start.ON_DEMAND;
    }

    /** The same variant with one more JVM flag. */
    Variant withFlag(String flag) {
        List<String> flags = new ArrayList<>(jvmOptions);
        flags.add(flag);
        return new Variant(name, artifact, handler, flags, start, workload);
    }
}
