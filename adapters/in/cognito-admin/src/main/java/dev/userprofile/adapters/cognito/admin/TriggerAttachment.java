package dev.userprofile.adapters.cognito.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Attaches the service's function to a pool that exists. {@code UpdateUserPool} resets every setting it is not
 * given, so the pool is read first and every setting {@code UpdateUserPool} accepts is written back as it was, with
 * only the two triggers changed.
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

    /** What happened: the triggers before and after (by name), whether the pool was written, or why not. */
    public record Result(
            Map<String, String> before, Map<String, String> after, boolean written, Optional<String> refusal) {}

    private final CognitoIdentityProviderClient cognito;

    public TriggerAttachment(CognitoIdentityProviderClient cognito) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
    }

    public Result attach(Request request) {
        UserPoolType pool = cognito.describeUserPool(b -> b.userPoolId(request.userPoolId()))
                .userPool();
        LambdaConfigType current =
                pool.lambdaConfig() == null ? LambdaConfigType.builder().build() : pool.lambdaConfig();
        Map<String, String> before = triggers(current);
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("PostConfirmation", request.postConfirmation());
        request.postAuthentication().ifPresent(arn -> wanted.put("PostAuthentication", arn));
        for (Map.Entry<String, String> trigger : wanted.entrySet()) {
            String attached = before.get(trigger.getKey());
            if (attached != null && !attached.equals(trigger.getValue()) && !request.replace()) {
                return new Result(
                        before,
                        before,
                        false,
                        Optional.of(
                                trigger.getKey() + " already invokes " + attached + "; pass --replace to replace it"));
            }
        }
        LambdaConfigType.Builder lambdaConfig = current.toBuilder().postConfirmation(request.postConfirmation());
        request.postAuthentication().ifPresent(lambdaConfig::postAuthentication);
        LambdaConfigType updated = lambdaConfig.build();
        Map<String, String> after = triggers(updated);
        if (request.dryRun() || after.equals(before)) {
            return new Result(before, after, false, Optional.empty());
        }
        cognito.updateUserPool(everySetting(pool, updated));
        return new Result(before, after, true, Optional.empty());
    }

    /** The pool's current settings as an update, every field UpdateUserPool takes, with the new triggers. */
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
                .deletionProtection(pool.deletionProtection())
                .lambdaConfig(lambdaConfig)
                .autoVerifiedAttributes(pool.autoVerifiedAttributes())
                .smsVerificationMessage(pool.smsVerificationMessage())
                .emailVerificationMessage(pool.emailVerificationMessage())
                .emailVerificationSubject(pool.emailVerificationSubject())
                .verificationMessageTemplate(pool.verificationMessageTemplate())
                .smsAuthenticationMessage(pool.smsAuthenticationMessage())
                .userAttributeUpdateSettings(pool.userAttributeUpdateSettings())
                .mfaConfiguration(pool.mfaConfiguration())
                .deviceConfiguration(pool.deviceConfiguration())
                .emailConfiguration(pool.emailConfiguration())
                .smsConfiguration(pool.smsConfiguration())
                .userPoolTags(pool.userPoolTags())
                .adminCreateUserConfig(adminCreateUser)
                .userPoolAddOns(pool.userPoolAddOns())
                .accountRecoverySetting(pool.accountRecoverySetting())
                .userPoolTier(pool.userPoolTier())
                .keyConfiguration(pool.keyConfiguration())
                .issuerConfiguration(pool.issuerConfiguration())
                .acrConfiguration(pool.hasAcrConfiguration() ? pool.acrConfiguration() : null)
                .build();
    }

    private static Map<String, String> triggers(LambdaConfigType config) {
        Map<String, String> triggers = new LinkedHashMap<>();
        config.sdkFields().forEach(field -> {
            Object value = field.getValueOrDefault(config);
            if (value instanceof String arn) {
                triggers.put(field.memberName(), arn);
            }
        });
        return triggers;
    }
}
