package dev.userprofile.adapters.cognito.admin;

import dev.userprofile.adapters.shared.logging.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How attach-trigger and detach-trigger report a {@link TriggerAttachment.Result}: the triggers before and after, what
 * was written and verified, and, for a pool another tool owns, what to write in that tool instead.
 */
final class TriggerChangeOutput {

    private TriggerChangeOutput() {}

    /** Prints the result and returns the exit status: 1 when refused or when more than the triggers changed. */
    static int print(
            String command, TriggerAttachment.Result result, boolean dryRun, CommonOptions common, CliContext context) {
        result.managedBy().ifPresent(managed -> context.err().println(warning(command, managed, result)));
        if (common.json()) {
            context.out().println(JsonText.of(summary(command, result, dryRun, common.userPoolId)));
        } else {
            context.out().println("triggers before: " + result.before());
            context.out().println("triggers after:  " + result.after());
            result.refusal().ifPresent(refusal -> context.err().println(command + ": refused: " + refusal));
            if (result.refusal().isEmpty()) {
                context.out().println(sentence(command, result, dryRun));
            }
        }
        if (!result.otherChanges().isEmpty()) {
            context.err()
                    .println(command + ": the pool now differs from what was written in "
                            + String.join(", ", result.otherChanges())
                            + ": someone changed it at the same time, or Cognito did not keep a setting; check them");
        }
        return result.refusal().isPresent() || !result.otherChanges().isEmpty() ? 1 : 0;
    }

    private static String sentence(String command, TriggerAttachment.Result result, boolean dryRun) {
        if (result.written()) {
            return command + ": pool updated and read back: "
                    + (result.otherChanges().isEmpty()
                            ? "only LambdaConfig changed"
                            : "more than LambdaConfig differs (see stderr)");
        }
        if (dryRun) {
            return command + ": dry run, nothing written";
        }
        return command.equals("attach-trigger")
                ? "attach-trigger: already attached, nothing written"
                : "detach-trigger: not attached, nothing written";
    }

    private static Map<String, Object> summary(
            String command, TriggerAttachment.Result result, boolean dryRun, String userPoolId) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", command);
        summary.put("userPoolId", userPoolId);
        summary.put("dryRun", dryRun);
        summary.put("before", result.before());
        summary.put("after", result.after());
        summary.put("written", result.written());
        summary.put("refusal", result.refusal().orElse(null));
        summary.put("otherChanges", result.otherChanges());
        summary.put(
                "managedBy",
                result.managedBy().map(TriggerAttachment.ManagedPool::tool).orElse(null));
        return summary;
    }

    /** What a pool's owner must write instead, so that its next update keeps the triggers (or their removal). */
    static String warning(String command, TriggerAttachment.ManagedPool managed, TriggerAttachment.Result result) {
        String postConfirmation = result.after().getOrDefault("PostConfirmation", "<none>");
        String postAuthentication = result.after().get("PostAuthentication");
        StringBuilder text = new StringBuilder()
                .append(command)
                .append(": warning: this pool looks managed by ")
                .append(managed.tool())
                .append(" (")
                .append(managed.evidence())
                .append("). Its next update writes the pool's LambdaConfig as its code says, and ")
                .append(command.equals("attach-trigger") ? "removes these triggers" : "puts them back")
                .append(". Make the same change there:\n");
        switch (managed.tool()) {
            case "Terraform" -> {
                text.append("  lambda_config {\n");
                text.append("    post_confirmation   = \"")
                        .append(postConfirmation)
                        .append("\"\n");
                if (postAuthentication != null) {
                    text.append("    post_authentication = \"")
                            .append(postAuthentication)
                            .append("\"\n");
                }
                text.append("  }");
            }
            default -> {
                text.append("  LambdaConfig:            # AWS::Cognito::UserPool (CDK: lambdaTriggers)\n");
                text.append("    PostConfirmation: ").append(postConfirmation).append('\n');
                if (postAuthentication != null) {
                    text.append("    PostAuthentication: ")
                            .append(postAuthentication)
                            .append('\n');
                }
                text.setLength(text.length() - 1);
            }
        }
        return text.toString();
    }
}
