package dev.userprofile.adapters.cognito.admin;

import java.util.Locale;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options several commands take: the pool, the pace of Cognito calls, how the result is reported. */
final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--user-pool-id", required = true, paramLabel = "ID", description = "The Cognito user pool.")
    String userPoolId;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default) or json: one JSON object on stdout, for scripts.")
    OutputFormat output;

    /** A number of Cognito calls a second, above 0 and at most 1,000; a usage error otherwise. */
    double rate(double rate) {
        if (!(rate > 0 && rate <= 1_000)) {
            throw new ParameterException(
                    spec.commandLine(), "--rate must be a number of requests per second above 0 and at most 1000");
        }
        return rate;
    }

    boolean json() {
        return output == OutputFormat.JSON;
    }

    /** Progress of {@code command} over this pool, on the context's stderr, sized by the pool's estimate. */
    Progress progress(CliContext context, String command) {
        return new Progress(
                context.err(), context.terminal(), context.clock(), command, estimatedUsers(context, userPoolId));
    }

    /** The pool's estimated number of users, for progress; empty when the pool cannot be described. */
    private static OptionalLong estimatedUsers(CliContext context, String userPoolId) {
        try {
            Integer estimate = context.services()
                    .cognito()
                    .describeUserPool(b -> b.userPoolId(userPoolId))
                    .userPool()
                    .estimatedNumberOfUsers();
            return estimate == null ? OptionalLong.empty() : OptionalLong.of(estimate);
        } catch (RuntimeException cannotDescribe) {
            // DescribeUserPool may not be granted; progress then goes without a share and an ETA.
            return OptionalLong.empty();
        }
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
