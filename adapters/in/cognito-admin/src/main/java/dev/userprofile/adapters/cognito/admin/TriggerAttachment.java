package dev.userprofile.adapters.cognito.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Attaches the service's function to a pool that exists, or detaches it. {@code UpdateUserPool} resets every setting it
 * is not given and has no condition, so each change is a careful read-modify-write:
 *
 * <ol>
 *   <li>the pool is read and the new triggers worked out;
 *   <li>the pool is read again just before the write, and the change is refused if any setting moved in between
 *       (someone else's change would otherwise be undone);
 *   <li>every setting {@code UpdateUserPool} accepts is written back as it was, with only the triggers changed;
 *   <li>the pool is read once more, and every setting compared with what was meant, so that anything but the triggers
 *       that changed is reported.
 * </ol>
 *
 * <p>The window between the second read and the write is a few milliseconds; Cognito offers nothing to close it.
 */
public final class TriggerAttachment {

    /** Which triggers to point where. */
    public record Request(
            String userPoolId,
            String postConfirmation,
            Optional<String> postAuthentication,
            boolean replace,
            boolean dryRun) {
        public Request {
            Objects.requireNonNull(userPoolId, "userPoolId");
            Objects.requireNonNull(postConfirmation, "postConfirmation");
            Objects.requireNonNull(postAuthentication, "postAuthentication");
        }
    }

    /** Which function to take off every trigger of a pool (any version or alias of it). */
    public record Detachment(String userPoolId, String functionArn, boolean dryRun) {
        public Detachment {
            Objects.requireNonNull(userPoolId, "userPoolId");
            Objects.requireNonNull(functionArn, "functionArn");
        }
    }

    /**
     * What happened.
     *
     * @param before          the triggers before, by name
     * @param after           the triggers after (or that a dry run would leave)
     * @param written         whether the pool was written
     * @param refusal         why nothing was written, when something stopped it
     * @param managedBy       the infrastructure-as-code tool the pool's tags say owns it, with what to write there
     * @param otherChanges    settings other than the triggers that differ after the write from what was written
     *                        (empty when only the triggers changed)
     */
    public record Result(
            Map<String, String> before,
            Map<String, String> after,
            boolean written,
            Optional<String> refusal,
            Optional<ManagedPool> managedBy,
            List<String> otherChanges) {}

    /** A pool whose tags say another tool owns it: that tool's next update writes its own triggers. */
    public record ManagedPool(String tool, String evidence) {}

    private final CognitoIdentityProviderClient cognito;

    public TriggerAttachment(CognitoIdentityProviderClient cognito) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
    }

    public Result attach(Request request) {
        return change(request.userPoolId(), request.dryRun(), current -> {
            Map<String, String> before = triggers(current);
            Map<String, String> wanted = new LinkedHashMap<>();
            wanted.put("PostConfirmation", request.postConfirmation());
            request.postAuthentication().ifPresent(arn -> wanted.put("PostAuthentication", arn));
            for (Map.Entry<String, String> trigger : wanted.entrySet()) {
                String attached = before.get(trigger.getKey());
                if (attached != null && !attached.equals(trigger.getValue()) && !request.replace()) {
                    throw new Refusal(
                            trigger.getKey() + " already invokes " + attached + "; pass --replace to replace it");
                }
            }
            LambdaConfigType.Builder updated = current.toBuilder().postConfirmation(request.postConfirmation());
            request.postAuthentication().ifPresent(updated::postAuthentication);
            return updated.build();
        });
    }

    /** Takes {@code functionArn}'s function (whatever version or alias a trigger names) off every trigger. */
    public Result detach(Detachment request) {
        String function = unqualified(request.functionArn());
        return change(request.userPoolId(), request.dryRun(), current -> {
            LambdaConfigType.Builder updated = current.toBuilder();
            for (SdkField<?> field : current.sdkFields()) {
                if (field.getValueOrDefault(current) instanceof String arn
                        && unqualified(arn).equals(function)) {
                    field.set(updated, null);
                }
            }
            return updated.build();
        });
    }

    private Result change(String userPoolId, boolean dryRun, UnaryOperator<LambdaConfigType> plan) {
        UserPoolType pool = describe(userPoolId);
        LambdaConfigType current = lambdaConfigOf(pool);
        Map<String, String> before = triggers(current);
        Optional<ManagedPool> managedBy = managedBy(pool);
        LambdaConfigType updated;
        try {
            updated = plan.apply(current);
        } catch (Refusal refusal) {
            return new Result(before, before, false, Optional.of(refusal.reason), managedBy, List.of());
        }
        Map<String, String> after = triggers(updated);
        if (dryRun || after.equals(before)) {
            return new Result(before, after, false, Optional.empty(), managedBy, List.of());
        }
        UserPoolType again = describe(userPoolId);
        List<String> moved = differences(everySetting(pool, current), everySetting(again, lambdaConfigOf(again)));
        if (!moved.isEmpty()) {
            return new Result(
                    before,
                    before,
                    false,
                    Optional.of("the pool changed while it was being read (" + String.join(", ", moved)
                            + "); nothing written: run the command again"),
                    managedBy,
                    List.of());
        }
        UpdateUserPoolRequest written = everySetting(again, updated);
        cognito.updateUserPool(written);
        UserPoolType now = describe(userPoolId);
        List<String> otherChanges = differences(written, everySetting(now, lambdaConfigOf(now)));
        return new Result(before, triggers(lambdaConfigOf(now)), true, Optional.empty(), managedBy, otherChanges);
    }

    /**
     * The pool as Cognito describes it.
     *
     * @throws software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException when there is
     *     no such pool
     */
    public UserPoolType describe(String userPoolId) {
        return cognito.describeUserPool(b -> b.userPoolId(userPoolId)).userPool();
    }

    private static LambdaConfigType lambdaConfigOf(UserPoolType pool) {
        return pool.lambdaConfig() == null ? LambdaConfigType.builder().build() : pool.lambdaConfig();
    }

    /**
     * The pool's current settings as an update, every field UpdateUserPool takes, with the new triggers. Enumerations
     * are copied as the strings Cognito sent: a value newer than this SDK would otherwise be written back as null.
     */
    static UpdateUserPoolRequest everySetting(UserPoolType pool, LambdaConfigType lambdaConfig) {
        AdminCreateUserConfigType adminCreateUser = pool.adminCreateUserConfig();
        boolean temporaryPasswordValidity = pool.policies() != null
                && pool.policies().passwordPolicy() != null
                && pool.policies().passwordPolicy().temporaryPasswordValidityDays() != null;
        if (adminCreateUser != null && temporaryPasswordValidity) {
            // Deprecated, replaced by the password policy's TemporaryPasswordValidityDays, and refused next to it.
            adminCreateUser =
                    adminCreateUser.toBuilder().unusedAccountValidityDays(null).build();
        }
        return UpdateUserPoolRequest.builder()
                .userPoolId(pool.id())
                .poolName(pool.name())
                .policies(pool.policies())
                .deletionProtection(pool.deletionProtectionAsString())
                .lambdaConfig(lambdaConfig)
                .autoVerifiedAttributesWithStrings(pool.autoVerifiedAttributesAsStrings())
                .smsVerificationMessage(pool.smsVerificationMessage())
                .emailVerificationMessage(pool.emailVerificationMessage())
                .emailVerificationSubject(pool.emailVerificationSubject())
                .verificationMessageTemplate(pool.verificationMessageTemplate())
                .smsAuthenticationMessage(pool.smsAuthenticationMessage())
                .userAttributeUpdateSettings(pool.userAttributeUpdateSettings())
                .mfaConfiguration(pool.mfaConfigurationAsString())
                .deviceConfiguration(pool.deviceConfiguration())
                .emailConfiguration(pool.emailConfiguration())
                .smsConfiguration(pool.smsConfiguration())
                .userPoolTags(userTags(pool))
                .adminCreateUserConfig(adminCreateUser)
                .userPoolAddOns(pool.userPoolAddOns())
                .accountRecoverySetting(pool.accountRecoverySetting())
                .userPoolTier(pool.userPoolTierAsString())
                .keyConfiguration(pool.keyConfiguration())
                .issuerConfiguration(pool.issuerConfiguration())
                .acrConfiguration(pool.hasAcrConfiguration() ? pool.acrConfiguration() : null)
                .build();
    }

    /**
     * The pool's tags but those AWS keeps for itself ({@code aws:} keys, such as CloudFormation's): nobody may write
     * them, and a request that carried them would be refused.
     */
    static @Nullable Map<String, String> userTags(UserPoolType pool) {
        if (!pool.hasUserPoolTags()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        pool.userPoolTags().forEach((key, value) -> {
            if (!key.startsWith("aws:")) {
                tags.put(key, value);
            }
        });
        return tags;
    }

    /** The names of the settings two updates give differently, in the request's order. */
    static List<String> differences(UpdateUserPoolRequest expected, UpdateUserPoolRequest actual) {
        List<String> differing = new ArrayList<>();
        for (SdkField<?> field : expected.sdkFields()) {
            if (!Objects.equals(field.getValueOrDefault(expected), field.getValueOrDefault(actual))) {
                differing.add(field.memberName());
            }
        }
        return differing;
    }

    /** The triggers a configuration names, by trigger. */
    static Map<String, String> triggers(LambdaConfigType config) {
        Map<String, String> triggers = new LinkedHashMap<>();
        config.sdkFields().forEach(field -> {
            Object value = field.getValueOrDefault(config);
            if (value instanceof String arn) {
                triggers.put(field.memberName(), arn);
            }
        });
        return triggers;
    }

    /** A function's ARN without a version or alias: {@code arn:aws:lambda:r:a:function:name}. */
    static String unqualified(String functionArn) {
        String[] parts = functionArn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : functionArn;
    }

    /**
     * Which tool the pool's tags say owns it. CloudFormation (and so CDK and SAM) tags what it creates with
     * {@code aws:cloudformation:stack-name}; Terraform and Pulumi add nothing themselves, but teams commonly tag
     * with the tool's name.
     */
    static Optional<ManagedPool> managedBy(UserPoolType pool) {
        Map<String, String> tags = pool.hasUserPoolTags() ? pool.userPoolTags() : Map.of();
        String stack = tags.get("aws:cloudformation:stack-name");
        if (stack != null) {
            return Optional.of(new ManagedPool("CloudFormation", "stack " + stack));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String both = (tag.getKey() + "=" + tag.getValue()).toLowerCase(Locale.ROOT);
            for (String tool : List.of("terraform", "pulumi", "cdk", "cloudformation")) {
                if (both.contains(tool)) {
                    return Optional.of(new ManagedPool(
                            Character.toUpperCase(tool.charAt(0)) + tool.substring(1),
                            "tag " + tag.getKey() + "=" + tag.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /** A change that must not be made; its message says why. */
    private static final class Refusal extends RuntimeException {
        private final String reason;

        Refusal(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }
}
