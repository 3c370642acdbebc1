package dev.userprofile.adapters.cognito.admin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A subcommand's options: {@code --name value} pairs and {@code --flag}s, each allowed once. */
final class CommandLine {

    private final String command;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CommandLine(String command) {
        this.command = command;
    }

    /**
     * @throws UsageException for an option the command does not know, a value missing, or an option given twice
     */
    static CommandLine parse(String command, List<String> args, Set<String> valued, Set<String> flagNames) {
        CommandLine line = new CommandLine(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valued.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(command + ": " + arg + " needs a value");
                }
                if (line.values.put(arg, args.get(++i)) != null) {
                    throw new UsageException(command + ": " + arg + " given twice");
                }
            } else if (flagNames.contains(arg)) {
                if (!line.flags.add(arg)) {
                    throw new UsageException(command + ": " + arg + " given twice");
                }
            } else {
                throw new UsageException(command + ": unknown option " + arg);
            }
        }
        return line;
    }

    String required(String option) {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(command + ": " + option + " is required");
        }
        return value;
    }

    Optional<String> optional(String option) {
        return Optional.ofNullable(values.get(option));
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    double positiveNumber(String option, double defaultValue) {
        String value = values.get(option);
        if (value == null) {
            return defaultValue;
        }
        try {
            double number = Double.parseDouble(value);
            if (number > 0 && number <= 1_000) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new UsageException(
                command + ": " + option + " must be a number of requests per second above 0 and" + " at most 1000");
    }
}
