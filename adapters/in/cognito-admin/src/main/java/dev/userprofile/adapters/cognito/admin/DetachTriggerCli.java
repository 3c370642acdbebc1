package dev.userprofile.adapters.cognito.admin;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "detach-trigger",
        mixinStandardHelpOptions = true,
        header = "Take the function off an existing pool's triggers, changing nothing else.",
        description = {
            "Takes the function off every trigger of the pool that invokes it (any version or alias), writing every"
                    + " other setting back as it was, with the same checks as attach-trigger.",
            "Run it before deleting a stack attached to an existing pool: a pool that invokes a deleted function"
                    + " fails every sign-up and sign-in (docs/operations.md, \"Deleting the stack\")."
        })
final class DetachTriggerCli implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--function",
            required = true,
            paramLabel = "ARN",
            description = "The function's ARN, with or without a version or alias (PostConfirmationFunctionAliasArn).")
    String function;

    @Option(names = "--dry-run", description = "Show the change; write nothing.")
    boolean dryRun;

    DetachTriggerCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        TriggerAttachment.Result result = new TriggerAttachment(
                        context.services().cognito())
                .detach(new TriggerAttachment.Detachment(common.userPoolId, function, dryRun));
        return TriggerChangeOutput.print("detach-trigger", result, dryRun, common, context);
    }
}
