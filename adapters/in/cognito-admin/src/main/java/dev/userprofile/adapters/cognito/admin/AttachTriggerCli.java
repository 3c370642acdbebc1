package dev.userprofile.adapters.cognito.admin;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "attach-trigger",
        mixinStandardHelpOptions = true,
        header = "Point an existing pool's triggers at the function, changing nothing else.",
        description = {
            "Points an existing pool's PostConfirmation (and PostAuthentication) trigger at the function, writing"
                    + " every other setting back as it was. It reads the pool again just before writing and refuses"
                    + " when anything changed in between, then reads it back and says whether only LambdaConfig"
                    + " changed.",
            "A pool whose tags say CloudFormation, CDK or Terraform owns it gets a warning with what to write"
                    + " there instead."
        })
final class AttachTriggerCli implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--post-confirmation",
            required = true,
            paramLabel = "ARN",
            description = "The function (alias) ARN: the stack's output PostConfirmationFunctionAliasArn.")
    String postConfirmation;

    @Option(
            names = "--post-authentication",
            paramLabel = "ARN",
            description = "The same ARN, to register and refresh users on every sign-in too.")
    String postAuthentication;

    @Option(names = "--dry-run", description = "Show the change; write nothing.")
    boolean dryRun;

    @Option(names = "--replace", description = "Replace another function that a trigger already invokes.")
    boolean replace;

    AttachTriggerCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        TriggerAttachment.Result result = new TriggerAttachment(
                        context.services().cognito())
                .attach(new TriggerAttachment.Request(
                        common.userPoolId, postConfirmation, Optional.ofNullable(postAuthentication), replace, dryRun));
        return TriggerChangeOutput.print("attach-trigger", result, dryRun, common, context);
    }
}
