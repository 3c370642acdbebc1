package dev.userprofile.adapters.cognito.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

class TriggerAttachmentTest {

    /**
     * UpdateUserPool resets what it is not given, so a setting the SDK adds to the request one day must be carried
     * over too: this fails until {@code everySetting} knows about it.
     */
    @Test
    void everySettingTheUpdateAcceptsIsCarriedOver() {
        Set<String> accepted = new TreeSet<>(UpdateUserPoolRequest.builder().build().sdkFields().stream()
                .map(SdkField::memberName)
                .toList());

        assertThat(accepted)
                .isEqualTo(new TreeSet<>(Set.of(
                        "UserPoolId",
                        "PoolName",
                        "Policies",
                        "DeletionProtection",
                        "LambdaConfig",
                        "AutoVerifiedAttributes",
                        "SmsVerificationMessage",
                        "EmailVerificationMessage",
                        "EmailVerificationSubject",
                        "VerificationMessageTemplate",
                        "SmsAuthenticationMessage",
                        "UserAttributeUpdateSettings",
                        "MfaConfiguration",
                        "DeviceConfiguration",
                        "EmailConfiguration",
                        "SmsConfiguration",
                        "UserPoolTags",
                        "AdminCreateUserConfig",
                        "UserPoolAddOns",
                        "AccountRecoverySetting",
                        "UserPoolTier",
                        "KeyConfiguration",
                        "IssuerConfiguration",
                        "AcrConfiguration")));
    }

    @Test
    void theDeprecatedAccountValidityIsDroppedOnlyWhereThePasswordPolicyReplacesIt() {
        UserPoolType withPolicy = UserPoolType.builder()
                .id("p")
                .policies(UserPoolPolicyType.builder()
                        .passwordPolicy(PasswordPolicyType.builder()
                                .temporaryPasswordValidityDays(3)
                                .build())
                        .build())
                .adminCreateUserConfig(AdminCreateUserConfigType.builder()
                        .unusedAccountValidityDays(7)
                        .build())
                .build();
        UserPoolType withoutPolicy =
                withPolicy.toBuilder().policies((UserPoolPolicyType) null).build();
        LambdaConfigType triggers =
                LambdaConfigType.builder().postConfirmation("arn").build();

        assertThat(TriggerAttachment.everySetting(withPolicy, triggers)
                        .adminCreateUserConfig()
                        .unusedAccountValidityDays())
                .isNull();
        assertThat(TriggerAttachment.everySetting(withoutPolicy, triggers)
                        .adminCreateUserConfig()
                        .unusedAccountValidityDays())
                .isEqualTo(7);
        assertThat(TriggerAttachment.everySetting(withPolicy, triggers).lambdaConfig())
                .isEqualTo(triggers);
    }
}
