package dev.userprofile.adapters.cognito.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Asks the operator before profiles are removed. Only the word {@code yes} removes: an empty line, {@code y}, any
 * other answer, the end of input (a cron job fed from /dev/null) and a failed read all keep every profile.
 */
final class RemovalPrompt {

    private final BufferedReader in;
    private final PrintStream err;

    RemovalPrompt(BufferedReader in, PrintStream err) {
        this.in = Objects.requireNonNull(in, "in");
        this.err = Objects.requireNonNull(err, "err");
    }

    boolean confirm(int orphans, String pool, String table) {
        err.printf(
                Locale.ROOT,
                "Remove %d profiles from table %s whose users are not in pool %s? Type yes to remove: ",
                orphans,
                table,
                pool);
        err.flush();
        try {
            String answer = in.readLine();
            return answer != null && answer.strip().equals("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
