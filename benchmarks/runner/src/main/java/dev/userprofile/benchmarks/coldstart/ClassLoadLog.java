package dev.userprofile.benchmarks.coldstart;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a JVM's {@code -Xlog:class+load} lines say. */
final class ClassLoadLog {

    private ClassLoadLog() {}

    /** The class names in the lines ("[info][class,load] java.lang.Foo source: ..."); other lines are skipped. */
    static List<String> classNames(List<String> lines) {
        return lines.stream()
                .filter(l -> l.contains("source:") && l.contains("class,load"))
                .map(l -> l.substring(l.indexOf("] ", l.indexOf("class,load")) + 2, l.indexOf(" source:"))
                        .trim())
                .toList();
    }

    /** How many classes each package (at most its first three names) contributed, the eight largest first. */
    static String byPackage(List<String> classes) {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : classes) {
            String[] parts = name.split("\\.");
            String key = String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
            counts.merge(key, 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
