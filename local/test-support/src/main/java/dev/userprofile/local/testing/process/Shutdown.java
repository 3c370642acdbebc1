package dev.userprofile.local.testing.process;

/** Stops the parts of a local setup in the order given, whatever one of them throws. */
public final class Shutdown {

    private Shutdown() {}

    /** Closes each part that exists (nulls are parts that never started). */
    public static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception ignored) {
                // Stopping the rest matters more than reporting one part's failure to stop.
            }
        }
    }
}
