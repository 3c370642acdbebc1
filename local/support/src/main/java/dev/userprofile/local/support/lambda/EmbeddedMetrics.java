package dev.userprofile.local.support.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The embedded metrics (CloudWatch's embedded metric format) a JSON log line declares. */
public final class EmbeddedMetrics {

    private static final Pattern DIRECTIVE = Pattern.compile("\"Metrics\":\\[(.*?)]");
    private static final Pattern NAME = Pattern.compile("\"Name\":\"([^\"]+)\"");

    private EmbeddedMetrics() {}

    /** The metric names the line's {@code _aws} directive declares, in order; empty when it declares none. */
    public static List<String> names(String logLine) {
        Matcher directive = DIRECTIVE.matcher(logLine);
        List<String> names = new ArrayList<>();
        if (directive.find()) {
            Matcher name = NAME.matcher(directive.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
