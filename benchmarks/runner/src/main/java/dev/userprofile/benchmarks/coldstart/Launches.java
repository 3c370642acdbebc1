package dev.userprofile.benchmarks.coldstart;

import dev.userprofile.local.support.lambda.LocalLambda;
import dev.userprofile.local.support.lambda.RuntimeApi;
import dev.userprofile.local.testing.template.TemplateFunction;
import java.util.List;
import java.util.Map;

/** Starting a variant under the Lambda runtime, and refusing a measurement of a failed invocation. */
final class Launches {

    private Launches() {}

    static LocalLambda launch(
            TemplateFunction template, Variant variant, Map<String, String> environment, List<String> log) {
        return LocalLambda.start(launchOf(template, variant, environment, log));
    }

    static LocalLambda.Launch launchOf(
            TemplateFunction template, Variant variant, Map<String, String> environment, List<String> log) {
        return new LocalLambda.Launch(
                withHandler(template, variant.handler()),
                variant.artifact(),
                environment,
                variant.jvmOptions(),
                variant.snapStart(),
                0,
                log::add);
    }

    /** A function error is a broken benchmark, not a number: it stops the run with the function's log. */
    static void requireSuccess(Variant variant, RuntimeApi.InvocationResult result, List<String> log) {
        if (result.functionError().isPresent()) {
            throw new IllegalStateException(
                    variant.name() + " failed: " + result.payload() + "\n" + String.join("\n", log));
        }
    }

    private static TemplateFunction withHandler(TemplateFunction template, String handler) {
        return new TemplateFunction(
                template.logicalId(),
                handler,
                template.runtime(),
                template.memoryMb(),
                template.timeoutSeconds(),
                template.logFormat(),
                template.environment());
    }
}
